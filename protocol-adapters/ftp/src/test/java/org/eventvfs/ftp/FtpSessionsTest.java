package org.eventvfs.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.eventvfs.LiveSession;
import org.eventvfs.domain.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each control connection is a live ftp session, counted in the stats, until it closes or is kicked. */
@Timeout(30)
class FtpSessionsTest {
    @Test
    void aControlConnectionIsASessionUntilItCloses() throws Exception {
        try (FtpTestServer server = new FtpTestServer()) {
            FTPClient anonymous = server.connect();
            FTPClient alice = server.login("alice");
            assertThat(server.awaitSessions("ftp", 2)).extracting(LiveSession::user).containsExactly(null, "alice");
            alice.logout();
            alice.disconnect();
            anonymous.disconnect();
            server.awaitSessions("ftp", 0);
        }
    }

    @Test
    void aSessionShowsWhoIsConnectedAndKicksCloseOnlyTheirs() throws Exception {
        try (FtpTestServer server = new FtpTestServer()) {
            Instant before = Instant.now();
            FTPClient alice = server.login("alice");
            FTPClient aliceAgain = server.login("alice");
            FTPClient bob = server.login("bob");
            assertThat(alice.makeDirectory("kept")).isTrue();
            LiveSession listed = server.awaitSessions("ftp", 3).getFirst();

            assertThat(listed.user()).isEqualTo("alice");
            assertThat(listed.address()).isEqualTo("127.0.0.1:" + alice.getLocalPort());
            assertThat(listed.client()).isNull();
            assertThat(listed.since()).isBetween(before, Instant.now());
            EventEnvelope created = server.events().getLast();
            assertThat(created.actor().session()).isEqualTo(listed.id());

            assertThat(server.vfs.sessions().kick(listed.id())).contains(listed);
            assertThatThrownBy(alice::getReply).isInstanceOf(FTPConnectionClosedException.class);
            assertThat(server.vfs.sessions().kickUser("alice")).extracting(LiveSession::user).containsExactly("alice");
            assertThatThrownBy(aliceAgain::getReply).isInstanceOf(FTPConnectionClosedException.class);
            assertThat(server.awaitSessions("ftp", 1)).extracting(LiveSession::user).containsExactly("bob");
            assertThat(bob.sendNoOp()).isTrue();
            bob.disconnect();
        }
    }
}
