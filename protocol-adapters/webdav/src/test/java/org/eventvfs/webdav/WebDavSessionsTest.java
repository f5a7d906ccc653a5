package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventvfs.LiveSession;
import org.eventvfs.domain.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each HTTP connection is a live webdav session, counted in the stats, until it closes or is kicked. */
@Timeout(30)
class WebDavSessionsTest {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    @Test
    void aConnectionIsASessionUntilItCloses() throws Exception {
        try (DavServer server = new DavServer()) {
            try (Socket socket = new Socket("127.0.0.1", server.port)) {
                assertThat(exchange(socket, "OPTIONS / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 ");
                assertThat(server.awaitSessions("webdav", 1)).extracting(LiveSession::user)
                        .containsExactly((String) null);
            }
            server.awaitSessions("webdav", 0);
        }
    }

    @Test
    void aSessionShowsWhoIsConnectedAndAKickClosesOnlyIt() throws Exception {
        try (DavServer server = new DavServer();
             Socket alice = new Socket("127.0.0.1", server.port);
             Socket bob = new Socket("127.0.0.1", server.port)) {
            Instant before = Instant.now();
            assertThat(exchange(alice, request("MKCOL", "/kept", "alice"))).startsWith("HTTP/1.1 201");
            assertThat(exchange(bob, request("PROPFIND", "/", "bob"))).startsWith("HTTP/1.1 207");
            LiveSession listed = server.awaitSessions("webdav", 2).stream()
                    .filter(session -> "alice".equals(session.user())).findFirst().orElseThrow();

            assertThat(listed.address()).isEqualTo("127.0.0.1:" + alice.getLocalPort());
            assertThat(listed.client()).isEqualTo("kick-test/1.0");
            assertThat(listed.since()).isBetween(before, Instant.now());
            EventEnvelope created = server.events().getLast();
            assertThat(created.actor().session()).isEqualTo(listed.id());

            assertThat(server.vfs.sessions().kick(listed.id())).contains(listed);
            assertThat(alice.getInputStream().read()).as("the end of alice's connection").isEqualTo(-1);
            assertThat(server.awaitSessions("webdav", 1)).extracting(LiveSession::user).containsExactly("bob");
            assertThat(exchange(bob, request("PROPFIND", "/", "bob"))).startsWith("HTTP/1.1 207");
        }
    }

    private static String request(String method, String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + DavServer.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                + "\r\nUser-Agent: kick-test/1.0\r\nDepth: 0\r\nContent-Length: 0\r\n\r\n";
    }

    /** Sends one request on a keep-alive connection and reads its whole answer: the head is returned. */
    private static String exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection closed in the middle of an answer: " + head);
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        Matcher length = CONTENT_LENGTH.matcher(text);
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return text;
    }
}
