package org.eventvfs;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.VfsPath;

/**
 * A volume's write locks (WebDAV LOCK): leases with an expiry, kept beside the log. Every
 * protocol's writes are checked against them by the volume's writer, so a file locked over
 * WebDAV is read-only over SFTP until it is unlocked or the lock expires.
 */
public interface VolumeLocks {
    /**
     * Takes a new lock for {@code user}. Fails with {@link org.eventvfs.domain.VfsException.Locked}
     * if an exclusive lock would overlap another lock, or a shared one an exclusive lock.
     */
    Future<Lock> lock(VfsPath path, boolean shared, boolean deep, String owner, String user, Duration timeout);

    /** Extends the lock {@code token} held by {@code user}; fails with NotFound if there is none. */
    Future<Lock> refresh(String token, String user, Duration timeout);

    /** Ends the lock {@code token} held by {@code user}; fails with NotFound if there is none. */
    Future<Void> unlock(String token, String user);

    /** The live locks that cover {@code path}: on it, or deep on one of its ancestors. */
    List<Lock> covering(VfsPath path);

    /** The live locks on {@code path} or below it. */
    List<Lock> within(VfsPath path);

    /** The live lock with this token, or null. */
    Lock find(String token);
}
