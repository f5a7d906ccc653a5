package org.eventvfs.impl;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.eventvfs.VolumeLocks;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * A volume's locks, in memory. Expired locks are dropped when next looked at, so a lease needs
 * no timer. Guarded by its own monitor: the writer checks commands against it on its context
 * while adapters lock and unlock from theirs, and every method is a short scan.
 */
final class LeaseTable implements VolumeLocks {
    private final LongSupplier clock;
    private final Map<String, Lock> byToken = new LinkedHashMap<>();

    LeaseTable(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<Lock> lock(VfsPath path, boolean shared, boolean deep, String owner, String user,
                                          Duration timeout) {
        Lock conflict = firstLive(other -> overlaps(other, path, deep) && !(shared && other.shared()));
        if (conflict != null) {
            return Future.failedFuture(new VfsException.Locked(path + " is locked by " + conflict.user()
                    + (conflict.root().equals(path) ? "" : " (a lock on " + conflict.root() + ")")));
        }
        Lock lock = new Lock("urn:uuid:" + Ids.newId(), path, shared, deep, owner, user, timeout, expiry(timeout));
        byToken.put(lock.token(), lock);
        return Future.succeededFuture(lock);
    }

    @Override
    public synchronized Future<Lock> refresh(String token, String user, Duration timeout) {
        Lock lock = held(token, user);
        if (lock == null) {
            return Future.failedFuture(new VfsException.NotFound("no lock " + token + " held by " + user));
        }
        Lock refreshed = lock.refreshedUntil(expiry(timeout), timeout);
        byToken.put(token, refreshed);
        return Future.succeededFuture(refreshed);
    }

    @Override
    public synchronized Future<Void> unlock(String token, String user) {
        if (held(token, user) == null) {
            return Future.failedFuture(new VfsException.NotFound("no lock " + token + " held by " + user));
        }
        byToken.remove(token);
        return Future.succeededFuture();
    }

    @Override
    public synchronized List<Lock> covering(VfsPath path) {
        return live(lock -> lock.covers(path));
    }

    @Override
    public synchronized List<Lock> within(VfsPath path) {
        return live(lock -> lock.root().startsWith(path));
    }

    @Override
    public synchronized Lock find(String token) {
        Lock lock = byToken.get(token);
        return lock == null || expired(lock) ? null : lock;
    }

    /** Ends every lock on {@code path} or below it: what was locked there is gone or has moved. */
    synchronized void dropWithin(VfsPath path) {
        byToken.values().removeIf(lock -> lock.root().startsWith(path));
    }

    synchronized boolean isEmpty() {
        byToken.values().removeIf(this::expired);
        return byToken.isEmpty();
    }

    private Lock held(String token, String user) {
        Lock lock = find(token);
        return lock != null && lock.user().equals(user) ? lock : null;
    }

    /** True when a new lock on {@code path} would protect something {@code other} protects. */
    private static boolean overlaps(Lock other, VfsPath path, boolean deep) {
        return other.covers(path) || deep && other.root().startsWith(path);
    }

    private Lock firstLive(Predicate<Lock> test) {
        List<Lock> found = live(test);
        return found.isEmpty() ? null : found.getFirst();
    }

    private List<Lock> live(Predicate<Lock> test) {
        byToken.values().removeIf(this::expired);
        List<Lock> found = new ArrayList<>();
        for (Lock lock : byToken.values()) {
            if (test.test(lock)) {
                found.add(lock);
            }
        }
        return found;
    }

    private boolean expired(Lock lock) {
        return lock.expires().toEpochMilli() <= clock.getAsLong();
    }

    private Instant expiry(Duration timeout) {
        return Instant.ofEpochMilli(clock.getAsLong()).plus(timeout);
    }
}
