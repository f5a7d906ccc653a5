package org.eventvfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The registry itself: ids, order, counts, and that a session's connection is closed once, only when kicked. */
class LiveSessionsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LiveSessions sessions = new LiveSessions(now::get);
    /** The addresses whose connections were closed, in order. */
    private final List<String> closed = new ArrayList<>();

    private LiveSessions.Registration connect(String protocol, String address) {
        now.addAndGet(1000);
        return sessions.register(protocol, address, () -> closed.add(address));
    }

    @Test
    void sessionsAreListedOldestFirstWithWhatTheAdapterLearnt() {
        LiveSessions.Registration first = connect("sftp", "192.0.2.1:50000");
        LiveSessions.Registration second = connect("webdav", "192.0.2.2:50001");
        LiveSessions.Registration third = connect("sftp", "192.0.2.3:50002");
        first.client("SSH-2.0-OpenSSH_9.6");
        first.loggedIn("alice");

        assertThat(List.of(first.id(), second.id(), third.id())).containsExactly("sftp-1", "webdav-1", "sftp-2");
        assertThat(sessions.list()).containsExactly(
                new LiveSession("sftp-1", "sftp", "alice", "192.0.2.1:50000", "SSH-2.0-OpenSSH_9.6",
                        Instant.ofEpochMilli(1_001_000)),
                new LiveSession("webdav-1", "webdav", null, "192.0.2.2:50001", null, Instant.ofEpochMilli(1_002_000)),
                new LiveSession("sftp-2", "sftp", null, "192.0.2.3:50002", null, Instant.ofEpochMilli(1_003_000)));
        assertThat(sessions.counts()).isEqualTo(Map.of("sftp", 2L, "webdav", 1L));
    }

    @Test
    void aKickClosesTheConnectionOnceAndAClosedSessionIsGone() {
        LiveSessions.Registration alice = connect("ftp", "192.0.2.1:50000");
        LiveSessions.Registration again = connect("sftp", "192.0.2.1:50001");
        LiveSessions.Registration bob = connect("ftp", "192.0.2.2:50002");
        alice.loggedIn("alice");
        again.loggedIn("alice");
        bob.loggedIn("bob");

        assertThat(sessions.kick(alice.id())).map(LiveSession::user).contains("alice");
        assertThat(sessions.kick(alice.id())).isEmpty();
        assertThat(sessions.kickUser("alice")).extracting(LiveSession::id).containsExactly(again.id());
        assertThat(sessions.kickUser("alice")).isEmpty();
        assertThat(closed).containsExactly("192.0.2.1:50000", "192.0.2.1:50001");

        bob.unregister();
        assertThat(sessions.kick(bob.id())).isEmpty();
        assertThat(closed).hasSize(2);
        assertThat(sessions.list()).isEmpty();
        assertThat(sessions.counts()).as("a protocol that had sessions stays, at zero")
                .isEqualTo(Map.of("ftp", 0L, "sftp", 0L));
    }
}
