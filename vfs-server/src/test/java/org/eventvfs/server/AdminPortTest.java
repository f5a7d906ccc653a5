package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API on TCP: only over TLS with the configured or generated certificate, and only for
 * admin users, while the health checks stay open.
 */
@Timeout(60)
class AdminPortTest {
    @TempDir
    Path dir;

    @Test
    void refusesRequestsWithoutCredentialsAndFromUsersWhoAreNotAdmins() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        try (TestServer server = TestServer.start(TestServer.config(data, Map.of(Protocol.ADMIN, port), Map.of()))) {
            assertThat(server.readyLine()).contains("admin https://127.0.0.1:" + port);
            Path tls = data.resolve(AdminCertificate.FOLDER);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    tls.resolve(AdminCertificate.KEY_FILE)))).isEqualTo("rw-------");
            TestUsers.add(server.vfs(), "default", "bob", "bob's password", List.of(), false);
            AdminPortClient admin = new AdminPortClient(tls.resolve(AdminCertificate.CERTIFICATE_FILE), port);

            HttpResponse<String> anonymous = admin.get("/v1/users", null, null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic realm="));
            assertThat(anonymous.sslSession()).hasValueSatisfying(tlsSession -> {
                try {
                    assertThat(tlsSession.getPeerCertificates()[0]).isEqualTo(admin.certificate());
                } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    throw new AssertionError(e);
                }
            });

            HttpResponse<String> bob = admin.get("/v1/users", "bob", "bob's password");
            assertThat(bob.statusCode()).as(bob.body()).isEqualTo(403);
            assertThat(bob.body()).contains("bob is not an administrator");

            assertThat(admin.get("/v1/users", "bob", "wrong").statusCode()).isEqualTo(401);
            assertThat(server.vfs().stats().snapshot().loginsRefused()).isEqualTo(1);
            assertThat(admin.get(Health.LIVE, null, null).statusCode()).isEqualTo(200);
            assertThat(admin.get(Health.READY, null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdminsChangesThroughThePortAreRecordedUnderTheAdminsName() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        try (TestServer server = TestServer.start(TestServer.config(data, Map.of(Protocol.ADMIN, port), Map.of()))) {
            TestUsers.add(server.vfs(), "default", "root", "root's password", List.of(), false);
            server.vfs().accounts().execute(new AccountCommand.SetAdmin("root", true), Actor.cli("test")).await();
            List<EventEnvelope> accountEvents = new CopyOnWriteArrayList<>();
            server.vertx().eventBus().<EventEnvelope>consumer(Vfs.eventsAddress(EventEnvelope.ACCOUNTS),
                    message -> accountEvents.add(message.body()));
            AdminPortClient admin = new AdminPortClient(data.resolve(AdminCertificate.FOLDER)
                    .resolve(AdminCertificate.CERTIFICATE_FILE), port);

            HttpResponse<String> hash = admin.send("POST", AdminApi.PASSWORD_HASHES,
                    "{\"password\":\"erin's password\"}", "root", "root's password");
            assertThat(hash.statusCode()).as(hash.body()).isEqualTo(200);
            String passwordHash = new ObjectMapper().readTree(hash.body()).get("passwordHash").asText();
            HttpResponse<String> added = admin.send("POST", AdminApi.USERS, "{\"name\":\"erin\",\"passwordHash\":\""
                    + passwordHash + "\"}", "root", "root's password");

            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(server.vfs().accounts().authenticate("erin", "erin's password".toCharArray()).await().name())
                    .isEqualTo("erin");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (accountEvents.stream().noneMatch(e -> e.payload() instanceof AccountEvent.UserAdded)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            EventEnvelope userAdded = accountEvents.stream().filter(e -> e.payload() instanceof AccountEvent.UserAdded)
                    .findFirst().orElseThrow();
            assertThat(userAdded.actor().user()).isEqualTo("root");
            assertThat(userAdded.actor().protocol()).isEqualTo("admin");
            assertThat(userAdded.actor().address()).startsWith("127.0.0.1:");
            assertThat(userAdded.actor().session()).startsWith("admin-");
            assertThat(userAdded.actor().client()).startsWith("Java-http-client");

            HttpResponse<String> login = admin.send("POST", AdminGate.LOGIN,
                    "{\"user\":\"root\",\"password\":\"root's password\"}", null, null);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith(PanelSessions.COOKIE + "=").contains("Path=/").contains("Max-Age=28800")
                    .contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict"));
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            String frank = "{\"name\":\"frank\"}";
            assertThat(admin.send("GET", AdminApi.USERS, null, Map.of("Cookie", cookie)).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> forged = admin.send("POST", AdminApi.USERS, frank, Map.of("Cookie", cookie));
            assertThat(forged.statusCode()).as("a change with the cookie alone, as another site's form would send")
                    .isEqualTo(401);
            assertThat(admin.send("POST", AdminApi.USERS, frank, Map.of("Cookie", cookie,
                    AdminLogin.PANEL_HEADER, AdminLogin.PANEL_HEADER_VALUE)).statusCode()).isEqualTo(201);
            assertThat(admin.send("POST", AdminGate.LOGOUT, null, Map.of("Cookie", cookie)).statusCode())
                    .isEqualTo(204);
            assertThat(admin.send("GET", AdminApi.USERS, null, Map.of("Cookie", cookie)).statusCode())
                    .isEqualTo(401);

            String again = admin.send("POST", AdminGate.LOGIN, "{\"user\":\"root\",\"password\":\"root's password\"}",
                    null, null).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertThat(admin.send("GET", AdminApi.USERS, null, Map.of("Cookie", again)).statusCode()).isEqualTo(200);
            Cli.Result reset = new Cli().runWithStdin("root's new password\n", "user", "passwd", "root",
                    "--password-stdin", "--data", data.toString());
            assertThat(reset.status()).as(reset.err()).isZero();
            HttpResponse<String> stale = admin.send("GET", AdminApi.USERS, null, Map.of("Cookie", again));
            assertThat(stale.statusCode()).as("a panel login ends with the password it was made with").isEqualTo(401);
            assertThat(stale.body()).contains("the password of root changed since this login");
        }
    }

    /** The change locks out the connection's own user: the request that made it still gets its answer. */
    @Test
    void anAdminChangesTheirOwnPasswordThroughThePort() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        try (TestServer server = TestServer.start(TestServer.config(data, Map.of(Protocol.ADMIN, port), Map.of()))) {
            TestUsers.add(server.vfs(), "default", "root", "root's password", List.of(), false);
            server.vfs().accounts().execute(new AccountCommand.SetAdmin("root", true), Actor.cli("test")).await();
            AdminPortClient admin = new AdminPortClient(data.resolve(AdminCertificate.FOLDER)
                    .resolve(AdminCertificate.CERTIFICATE_FILE), port);
            assertThat(admin.get(AdminApi.USERS, "root", "root's password").statusCode()).isEqualTo(200);

            String hash = org.eventvfs.PasswordHasher.hash("root's new password".toCharArray());
            HttpResponse<String> changed = admin.send("PUT", AdminApi.userPath("root") + "/password",
                    "{\"passwordHash\":\"" + hash + "\"}", "root", "root's password");

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            assertThat(admin.get(AdminApi.USERS, "root", "root's password").statusCode()).isEqualTo(401);
            assertThat(admin.get(AdminApi.USERS, "root", "root's new password").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void invitesAreRedeemedWithoutALoginAndWrongCodesGetTheAddressRefused() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        Map<String, Object> throttle = Map.of("slowAfter", 2, "banAfter", 2);
        try (TestServer server = TestServer.start(TestServer.config(data, Map.of(Protocol.ADMIN, port),
                Map.of(Protocol.ADMIN, throttle)))) {
            UserAdministration users = new UserAdministration(server.vfs(), Actor.cli("test"));
            String carol = users.invite(new AdminApi.NewInvite(null, null, "/team/carol", false, 0)).await().code();
            String dave = users.invite(new AdminApi.NewInvite(null, null, "/team/dave", false, 0)).await().code();
            Path certificate = data.resolve(AdminCertificate.FOLDER).resolve(AdminCertificate.CERTIFICATE_FILE);

            Cli.Result joined = new Cli().runWithStdin("carol's secret\n", "join", carol, "--password-stdin",
                    "--server", "https://127.0.0.1:" + port, "--cacert", certificate.toString());
            assertThat(joined.status()).as(joined.err()).isZero();
            assertThat(joined.out()).startsWith("joined as carol");
            assertThat(server.vfs().accounts().authenticate("carol", "carol's secret".toCharArray()).await().name())
                    .isEqualTo("carol");

            AdminPortClient anyone = new AdminPortClient(certificate, port);
            String wrong = "{\"code\":\"AAAA-BBBB\",\"password\":\"a long password\"}";
            assertThat(anyone.send("POST", AdminApi.JOIN, wrong, null, null).statusCode()).isEqualTo(403);
            assertThat(anyone.send("POST", AdminApi.JOIN, wrong, null, null).statusCode()).isEqualTo(403);
            HttpResponse<String> banned = anyone.send("POST", AdminApi.JOIN, "{\"code\":\"" + dave
                    + "\",\"password\":\"a long password\"}", null, null);
            assertThat(banned.statusCode()).isEqualTo(403);
            assertThat(banned.body()).contains("too many wrong invite codes");
            assertThat(server.vfs().accounts().find("dave").await().state()).isEqualTo(Account.State.INVITED);
        }
    }

    @Test
    void servesTheConfiguredCertificate() throws Exception {
        Path key = dir.resolve("key.pem");
        Path certificate = dir.resolve("certificate.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=vfs.example", "-addext",
                "subjectAltName=IP:127.0.0.1", "-days", "2", "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(openssl.waitFor(20, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("openssl (package openssl)")
                .isTrue();
        int port = ServerProcess.freePort();
        Map<String, Object> settings = Map.of("certificate", certificate.toString(), "privateKey", key.toString());
        try (TestServer server = TestServer.start(TestServer.config(dir.resolve("data"), Map.of(Protocol.ADMIN, port),
                Map.of(Protocol.ADMIN, settings)))) {
            AdminPortClient admin = new AdminPortClient(certificate, port);

            assertThat(admin.get(Health.LIVE, null, null).statusCode()).isEqualTo(200);
            assertThat(dir.resolve("data").resolve(AdminCertificate.FOLDER)).doesNotExist();
        }
    }
}
