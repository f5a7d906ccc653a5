package org.eventvfs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The sessions the protocol adapters have open: each adapter registers a connection when it is
 * accepted and unregisters it when it closes, and an administrator lists them and kicks them out.
 * Thread-safe, and cheap enough to register every connection: a map entry and a counter.
 */
public final class LiveSessions {
    private static final Comparator<LiveSession> BY_START = Comparator.comparing(LiveSession::since)
            .thenComparing(LiveSession::id);

    private final LongSupplier clock;
    private final Map<String, Registration> open = new ConcurrentHashMap<>();
    /** One counter per protocol, so ids read {@code sftp-1}, {@code webdav-1}, … */
    private final Map<String, AtomicLong> numbers = new ConcurrentHashMap<>();

    /** @param clock milliseconds since the epoch, for the start of each session */
    public LiveSessions(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Registers a session that has just connected.
     *
     * @param closer closes the session's connection at once, without blocking, when it is kicked
     */
    public Registration register(String protocol, String address, Runnable closer) {
        String id = protocol + "-" + numbers.computeIfAbsent(protocol, p -> new AtomicLong()).incrementAndGet();
        Registration session = new Registration(id, protocol, address, Instant.ofEpochMilli(clock.getAsLong()),
                closer);
        open.put(id, session);
        return session;
    }

    /** The open sessions, oldest first. */
    public List<LiveSession> list() {
        return open.values().stream().map(Registration::view).sorted(BY_START).toList();
    }

    /** Closes the session {@code id} and tells what it was; empty if no such session is open. */
    public Optional<LiveSession> kick(String id) {
        Registration session = open.get(id);
        return session != null && session.kick() ? Optional.of(session.view()) : Optional.empty();
    }

    /** Closes every session logged in as {@code user} and tells what they were, oldest first. */
    public List<LiveSession> kickUser(String user) {
        List<LiveSession> kicked = new ArrayList<>();
        for (Registration session : open.values()) {
            if (user.equals(session.user) && session.kick()) {
                kicked.add(session.view());
            }
        }
        kicked.sort(BY_START);
        return kicked;
    }

    /**
     * Closes the sessions of {@code user} after an account change locked them out (see
     * {@link Registration#logsInEveryRequest()}) and tells how many.
     */
    public int endLockedOut(String user) {
        int ended = 0;
        for (Registration session : open.values()) {
            if (user.equals(session.user) && !session.everyRequest && session.kick()) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Open sessions by protocol. A protocol that has had a session stays, with 0, so a metric of
     * it drops to zero instead of vanishing.
     */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        numbers.keySet().forEach(protocol -> counts.put(protocol, 0L));
        open.values().forEach(session -> counts.merge(session.protocol, 1L, Long::sum));
        return counts;
    }

    /** One registered session, for the adapter that holds it to fill in and to unregister. */
    public final class Registration {
        private final String id;
        private final String protocol;
        private final String address;
        private final Instant since;
        private final Runnable closer;
        private volatile String user;
        private volatile String client;
        private volatile boolean everyRequest;

        private Registration(String id, String protocol, String address, Instant since, Runnable closer) {
            this.id = id;
            this.protocol = protocol;
            this.address = address;
            this.since = since;
            this.closer = closer;
        }

        /** The session's id, for the actor of its events. */
        public String id() {
            return id;
        }

        /** The session has logged in as {@code user} (on HTTP, the latest request did). */
        public void loggedIn(String user) {
            this.user = user;
        }

        /**
         * Every request of this session logs in again, so an account change that locks its user out
         * refuses the next request by itself; the session is then not closed for it, which would
         * also cut off the answer to the very request that made the change (an administrator's
         * own new password on the admin port). An administrator's kick still closes it.
         */
        public void logsInEveryRequest() {
            this.everyRequest = true;
        }

        /** The client's version string or User-Agent, once the client sent it. */
        public void client(String client) {
            this.client = client;
        }

        /** The session's connection closed. */
        public void unregister() {
            open.remove(id, this);
        }

        /** Unregisters and closes the connection, unless another kick or the close came first. */
        private boolean kick() {
            if (!open.remove(id, this)) {
                return false;
            }
            closer.run();
            return true;
        }

        private LiveSession view() {
            return new LiveSession(id, protocol, user, address, client, since);
        }
    }
}
