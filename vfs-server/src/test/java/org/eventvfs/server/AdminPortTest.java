package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
