package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.eventvfs.server.Cli.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vfs admin sessions} and {@code vfs admin kick}, and the admin socket's session routes
 * (through curl), against a {@code vfs run} process with SSH and WebDAV clients connected to it.
 */
@Timeout(120)
class SessionsAdminTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private final SshClient ssh = SshClient.setUpDefaultClient();
    /**
     * Held for the whole test: a client nothing refers to any more is collected, and closes its
     * kept-alive connection with it, which ended the WebDAV session before it was listed.
     */
    private final HttpClient web = HttpClient.newHttpClient();
    private Process server;
    private Path data;
    private int sftpPort;

    @AfterEach
    void stop() {
        web.close();
        ssh.stop();
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void sessionsAreListedAndKickedThroughTheSocketAndTheCommands() throws Exception {
        data = dir.resolve("data");
        sftpPort = ServerProcess.freePort();
        int davPort = ServerProcess.freePort();
        server = ServerProcess.start(data, "--sftp-port", String.valueOf(sftpPort), "--webdav-port",
                String.valueOf(davPort), "--ftp-port", "0");
        for (String user : List.of("alice", "bob")) {
            Result added = cli.runWithStdin("pw\n", "user", "add", user, "--password-stdin", "--data", data.toString());
            assertThat(added.status()).as(added.err()).isZero();
        }
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
        ClientSession alice = login("alice");
        ClientSession aliceAgain = login("alice");
        ClientSession bob = login("bob");
        HttpResponse<String> listing = web.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + davPort + "/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "alice:pw".getBytes(StandardCharsets.UTF_8)))
                .header("User-Agent", "sessions-test/1.0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listing.statusCode()).isEqualTo(200);

        Result table = admin("sessions");
        assertThat(table.out().lines().findFirst().orElseThrow().split(" +"))
                .containsExactly("ID", "PROTOCOL", "USER", "ADDRESS", "CLIENT", "SINCE");
        assertThat(table.out()).containsPattern("sftp-\\d+ +sftp +alice +" + address(alice) + " +"
                        + alice.getClientVersion() + " +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n")
                .containsPattern("webdav-\\d+ +webdav +alice +127\\.0\\.0\\.1:\\d+ +sessions-test/1\\.0 ");
        JsonNode listed = JSON.readTree(admin("sessions", "--json").out());
        assertThat(listed).hasSize(4);
        String aliceId = idOf(listed, address(alice));
        assertThat(JSON.readTree(curl("GET", "/v1/sessions"))).isEqualTo(listed);

        assertThat(curl("DELETE", "/v1/sessions/sftp-999")).contains("404").contains("no session sftp-999 is open");
        Result unknown = cli.run("admin", "kick", "sftp-999", "--data", data.toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("no session sftp-999 is open");

        assertThat(admin("kick", aliceId).out()).isEqualTo("kicked " + aliceId + "\n");
        assertThat(alice.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), TIMEOUT)).contains(ClientSessionEvent.CLOSED);
        assertThat(admin("kick", "--user", "alice").out()).isEqualTo("kicked 2 sessions of alice\n");
        assertThat(aliceAgain.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), TIMEOUT))
                .contains(ClientSessionEvent.CLOSED);
        assertThat(curl("DELETE", "/v1/sessions?user=alice")).isEqualTo("{\"sessions\":0}\n200");
        assertThat(curl("DELETE", "/v1/sessions")).contains("400").contains("user");

        assertThat(bob.isOpen()).isTrue();
        JsonNode left = JSON.readTree(admin("sessions", "--json").out());
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("user").asText()).isEqualTo("bob");
        assertThat(JSON.readTree(admin("stats", "--json").out()).get("sessions").get("sftp").asLong()).isEqualTo(1);

        List<JsonNode> ended = admin("log", "--volume", "@accounts", "--type", "SessionsEnded", "--json").out()
                .lines().map(SessionsAdminTest::json).toList();
        assertThat(ended).as("one event per kick that ended some of a user's sessions").hasSize(2);
        assertThat(ended).allSatisfy(event -> {
            assertThat(event.at("/actor/user").asText()).isEqualTo(System.getProperty("user.name"));
            assertThat(event.at("/details/user").asText()).isEqualTo("alice");
        });
        assertThat(ended.get(0).at("/details/change").asText()).isEqualTo("sessions=" + aliceId);

        assertThat(admin("user", "disable", "bob").out()).isEqualTo("disabled user bob\n");
        assertThat(bob.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), TIMEOUT)).as("a disabled user's session ends")
                .contains(ClientSessionEvent.CLOSED);
        assertThat(JSON.readTree(admin("sessions", "--json").out())).isEmpty();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutARunningServerTheCommandsSaySo() {
        String folder = dir.resolve("data").toString();
        for (Result result : List.of(cli.run("admin", "sessions", "--data", folder),
                cli.run("admin", "kick", "sftp-1", "--data", folder))) {
            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err()).contains("no server is running").contains("vfs run");
        }
    }

    @Test
    void kickTakesASessionOrAUserNotBoth() {
        String folder = dir.resolve("data").toString();
        for (Result result : List.of(cli.run("admin", "kick", "--data", folder),
                cli.run("admin", "kick", "sftp-1", "--user", "alice", "--data", folder))) {
            assertThat(result.status()).isEqualTo(2);
            assertThat(result.err()).contains("ID").contains("--user");
        }
    }

    private ClientSession login(String user) throws Exception {
        ClientSession session = ssh.connect(user, "127.0.0.1", sftpPort).verify(TIMEOUT).getClientSession();
        session.addPasswordIdentity("pw");
        session.auth().verify(TIMEOUT);
        return session;
    }

    private static String address(ClientSession session) {
        return "127.0.0.1:" + ((InetSocketAddress) session.getLocalAddress()).getPort();
    }

    private static String idOf(JsonNode sessions, String address) {
        for (JsonNode session : sessions) {
            if (session.get("address").asText().equals(address)) {
                return session.get("id").asText();
            }
        }
        throw new AssertionError("no session from " + address + " in " + sessions);
    }

    private Result admin(String... args) {
        List<String> command = new ArrayList<>(args[0].equals("user") ? List.of() : List.of("admin"));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", data.toString()));
        Result result = cli.run(command.toArray(String[]::new));
        assertThat(result.status()).as(result.err()).isZero();
        return result;
    }

    /** The admin socket's answer to a request without a body, then its status on a line of its own. */
    private String curl(String method, String path) throws Exception {
        Process curl = new ProcessBuilder("curl", "-s", "-X", method, "-w", "\n%{http_code}", "--unix-socket",
                data.resolve("admin.sock").toString(), "http://localhost" + path).redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as(answer).isZero();
        return answer;
    }
}
