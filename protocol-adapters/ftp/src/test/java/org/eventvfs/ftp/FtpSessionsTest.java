package org.eventvfs.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each control connection counts as an open ftp session in the server's stats until it closes. */
@Timeout(30)
class FtpSessionsTest {
    @Test
    void aControlConnectionIsASessionUntilItCloses() throws Exception {
        try (FtpTestServer server = new FtpTestServer()) {
            FTPClient anonymous = server.connect();
            FTPClient alice = server.login("alice");
            awaitOpen(server, 2);
            alice.logout();
            alice.disconnect();
            anonymous.disconnect();
            awaitOpen(server, 0);
        }
    }

    private static void awaitOpen(FtpTestServer server, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.vfs.stats().snapshot().sessions().getOrDefault("ftp", 0L) != expected
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.vfs.stats().snapshot().sessions()).containsEntry("ftp", expected);
    }
}
