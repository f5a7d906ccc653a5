package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.sftp.client.SftpClient;
import org.eventvfs.LiveSession;
import org.eventvfs.domain.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every SSH connection is a live sftp session, counted in the stats, from connect until it closes or is kicked. */
@Timeout(30)
class OpenSessionsTest {
    @Test
    void sessionsAreCountedWhileOpen() throws Exception {
        try (TestServer server = new TestServer(); SshClients clients = new SshClients()) {
            server.addUser("alice", "pw", List.of(), false);
            ClientSession first = clients.login(server.port, "alice", "pw");
            ClientSession second = clients.connect(server.port, "alice");
            assertThat(server.awaitSessions("sftp", 2)).extracting(LiveSession::user)
                    .containsExactly("alice", null);
            first.close();
            second.close();
            server.awaitSessions("sftp", 0);
        }
    }

    @Test
    void aSessionShowsWhoIsConnectedAndAKickClosesOnlyIt() throws Exception {
        try (TestServer server = new TestServer(); SshClients clients = new SshClients()) {
            server.addUser("alice", "pw", List.of(), false);
            server.addUser("bob", "pw", List.of(), false);
            Instant before = Instant.now();
            ClientSession alice = clients.login(server.port, "alice", "pw");
            try (SftpClient aliceFiles = SshClients.sftp(alice, 3);
                 SftpClient bobFiles = clients.sftp(server.port, "bob", "pw")) {
                aliceFiles.mkdir("/kept");
                LiveSession listed = server.awaitSessions("sftp", 2).getFirst();

                assertThat(listed.user()).isEqualTo("alice");
                assertThat(listed.address())
                        .isEqualTo("127.0.0.1:" + ((InetSocketAddress) alice.getLocalAddress()).getPort());
                assertThat(listed.client()).isEqualTo(alice.getClientVersion()).startsWith("SSH-2.0-");
                assertThat(listed.since()).isBetween(before, Instant.now());
                EventEnvelope created = server.events().getLast();
                assertThat(created.actor().session()).isEqualTo(listed.id());

                assertThat(server.vfs.sessions().kick(listed.id())).contains(listed);
                assertThat(alice.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), SshClients.TIMEOUT))
                        .contains(ClientSessionEvent.CLOSED);
                assertThat(server.awaitSessions("sftp", 1)).extracting(LiveSession::user).containsExactly("bob");
                assertThat(bobFiles.stat("/").isDirectory()).isTrue();
                assertThat(server.vfs.sessions().kick(listed.id())).isEmpty();
            }
        }
    }
}
