package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each HTTP connection counts as an open webdav session in the server's stats until it closes. */
@Timeout(30)
class WebDavSessionsTest {
    @Test
    void aConnectionIsASessionUntilItCloses() throws Exception {
        try (DavServer server = new DavServer()) {
            try (Socket socket = new Socket("127.0.0.1", server.port)) {
                OutputStream out = socket.getOutputStream();
                out.write("OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] answer = new byte[12];
                assertThat(in.readNBytes(answer, 0, 12)).isEqualTo(12);
                assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 ");
                awaitOpen(server, 1);
            }
            awaitOpen(server, 0);
        }
    }

    private static void awaitOpen(DavServer server, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.vfs.stats().snapshot().sessions().getOrDefault("webdav", 0L) != expected
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.vfs.stats().snapshot().sessions()).containsEntry("webdav", expected);
    }
}
