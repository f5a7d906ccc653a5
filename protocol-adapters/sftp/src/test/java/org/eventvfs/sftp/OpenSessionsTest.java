package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every SSH connection counts as an open sftp session in the server's stats until it closes. */
@Timeout(30)
class OpenSessionsTest {
    @Test
    void sessionsAreCountedWhileOpen() throws Exception {
        try (TestServer server = new TestServer(); SshClients clients = new SshClients()) {
            server.addUser("alice", "pw", List.of(), false);
            ClientSession first = clients.login(server.port, "alice", "pw");
            ClientSession second = clients.connect(server.port, "alice");
            awaitOpen(server, 2);
            first.close();
            second.close();
            awaitOpen(server, 0);
        }
    }

    private static void awaitOpen(TestServer server, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Long> open = server.vfs.stats().snapshot().sessions();
        while (open.getOrDefault("sftp", 0L) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            open = server.vfs.stats().snapshot().sessions();
        }
        assertThat(open).containsEntry("sftp", expected);
    }
}
