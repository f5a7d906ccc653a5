package org.eventvfs.server;

import org.eventvfs.PasswordHasher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.server.Cli.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs user …} and a second {@code vfs run} while a server holds the data folder. */
@Timeout(60)
class RunningServerTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path data;
    private TestServer server;
    private final Cli cli = new Cli();

    @BeforeEach
    void startServer() {
        data = dir.resolve("data");
        server = TestServer.start(data);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private Account account(String name) {
        return server.vfs().accounts().find(name).await();
    }

    @Test
    void userChangesGoThroughTheSocketAndTheServerSeesThemAtOnce() throws IOException {
        Result added = cli.runWithStdin("correct horse\n", "user", "add", "alice", "--password-stdin",
                "--data", data.toString());
        assertThat(added.err()).isEmpty();
        assertThat(added.status()).isZero();

        Account alice = account("alice");
        assertThat(alice.volume()).isEqualTo("default");
        assertThat(alice.home()).isEqualTo(VfsPath.parse("/alice"));
        assertThat(PasswordHasher.verify("correct horse".toCharArray(), alice.passwordHash())).isTrue();
        assertThat(server.vfs().volume("default").await().stat(VfsPath.parse("/alice")).await().isDirectory())
                .isTrue();

        cli.runWithStdin("battery staple\n", "user", "passwd", "alice", "--password-stdin", "--data", data.toString());
        assertThat(PasswordHasher.verify("battery staple".toCharArray(), account("alice").passwordHash())).isTrue();

        Path key = Files.writeString(dir.resolve("alice.pub"), UserCommandsTest.ED25519 + "\n");
        cli.run("user", "keys", "alice", "--key", key.toString(), "--data", data.toString());
        assertThat(account("alice").keys()).containsExactly(UserCommandsTest.ED25519);

        assertThat(cli.run("user", "list", "--data", data.toString()).out().lines())
                .contains("alice  default  /alice  no         yes       1     no     active");

        assertThat(cli.run("user", "remove", "alice", "--data", data.toString()).status()).isZero();
        assertThatThrownBy(() -> account("alice")).isInstanceOf(VfsException.NotFound.class);
    }

    @Test
    void changesThroughTheSocketAreRecordedAsTheAdmin() {
        cli.runWithStdin("pw\n", "user", "add", "bob", "--password-stdin", "--data", data.toString());

        var home = server.vfs().volume("default").await().stat(VfsPath.parse("/bob")).await();

        assertThat(home.owner()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void oneClientCanMakeSeveralRequestsInARow() {
        ServerConfig config = TestServer.config(data);
        String hash = PasswordHasher.hash("pw".toCharArray());

        var users = UserAccess.run(config, admin -> admin.add(new AdminApi.NewUser("carol", hash, List.of(), null, null,
                        false, false))
                .compose(added -> admin.changeKeys("carol", List.of(UserCommandsTest.ED25519)))
                .compose(changed -> admin.list()));

        assertThat(users).extracting(AdminApi.User::name, user -> user.keys().size())
                .containsExactly(tuple("carol", 1));
    }

    @Test
    void serverSideErrorsComeBackAsOneLine() {
        Result result = cli.run("user", "remove", "nobody", "--data", data.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vfs: no such user: nobody\n");
    }

    @Test
    void theAdminSocketIsTheOwnersOnly() throws IOException {
        Path socket = data.resolve("admin.sock");

        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".admin-"));
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderFailsOnTheLock() {
        Result second = cli.run(withNoPorts("run", "--data", data.toString()));

        assertThat(second.status()).isEqualTo(1);
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).isEqualTo("vfs: the data folder " + data + " is in use by process " + PID
                + " (it holds " + data.resolve("vfs.lock") + ")\n");
        assertThat(cli.run("user", "list", "--data", data.toString()).status()).isZero();
    }

    @Test
    void theAdminApiAnswersJsonErrors() {
        HttpClient http = server.vertx().createHttpClient();
        Context context = server.vertx().getOrCreateContext();
        try {
            assertThat(call(context, http, HttpMethod.GET, "/v1/nothing", null))
                    .isEqualTo("404 {\"error\":\"no such endpoint: GET /v1/nothing\"}");
            assertThat(call(context, http, HttpMethod.POST, "/v1/users", "{not json"))
                    .startsWith("400 {\"error\":\"the body is not a valid NewUser");
            assertThat(call(context, http, HttpMethod.POST, "/v1/users", "{\"name\":\"eve\",\"passwordHash\":\"hunter2\"}"))
                    .startsWith("400 {\"error\":\"passwordHash must be an Argon2id hash");
            assertThat(call(context, http, HttpMethod.PUT, "/v1/users/nobody/keys", "{\"keys\":[]}"))
                    .isEqualTo("404 {\"error\":\"no such user: nobody\"}");
            assertThat(call(context, http, HttpMethod.GET, "/v1/users", null)).isEqualTo("200 []");
        } finally {
            http.close().await();
        }
    }

    /** On one context, for the reason given in {@link AdminClient}. */
    private String call(Context context, HttpClient http, HttpMethod method, String path, String body) {
        RequestOptions options = new RequestOptions().setServer(SocketAddress.domainSocketAddress(
                data.resolve("admin.sock").toString())).setHost("localhost").setMethod(method).setURI(path);
        Promise<String> answer = Promise.promise();
        context.runOnContext(v -> http.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(content -> response.statusCode() + " " + content))
                .onComplete(answer));
        return answer.future().await();
    }

    static String[] withNoPorts(String... args) {
        return Stream.concat(Stream.of(args), Stream.of(TestServer.noPorts())).toArray(String[]::new);
    }
}
