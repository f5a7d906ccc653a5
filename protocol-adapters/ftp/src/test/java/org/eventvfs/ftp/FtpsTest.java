package org.eventvfs.ftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Explicit (AUTH TLS) and implicit FTPS with a PEM certificate, with Commons Net and with curl, and
 * a server that requires TLS.
 */
class FtpsTest {
    private static Path dir;
    private static Path certificate;
    private static Map<String, Object> tls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Processes.requireInstalled("openssl");
        dir = StoreFixture.tempDirectory();
        certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Processes.Result made = Processes.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", certificate.toString(),
                "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"), dir, Map.of(),
                Duration.ofSeconds(30));
        assertThat(made.exitCode()).as(made.output()).isZero();
        tls = Map.of("certificate", certificate.toString(), "privateKey", key.toString());
    }

    @AfterAll
    static void cleanUp() {
        StoreFixture.delete(dir);
    }

    private static FTPSClient tlsClient(boolean implicit) {
        FTPSClient client = new FTPSClient(implicit);
        client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        client.setDefaultTimeout(20_000);
        return client;
    }

    private static void roundTrip(FTPSClient ftp) throws IOException {
        assertThat(ftp.login("alice", FtpTestServer.PASSWORD)).as(ftp.getReplyString()).isTrue();
        ftp.execPBSZ(0);
        ftp.execPROT("P");
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        assertThat(ftp.storeFile("secret.txt", new ByteArrayInputStream("over TLS".getBytes(UTF_8))))
                .as(ftp.getReplyString()).isTrue();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("secret.txt", back)).as(ftp.getReplyString()).isTrue();
        assertThat(back.toString(UTF_8)).isEqualTo("over TLS");
        assertThat(ftp.listNames()).contains("secret.txt");
        ftp.disconnect();
    }

    @Test
    void explicitTlsWithAuthTls() throws IOException {
        try (FtpTestServer server = new FtpTestServer(tls)) {
            FTPSClient ftp = tlsClient(false);
            ftp.connect("127.0.0.1", server.port);
            assertThat(ftp.features()).isTrue();
            assertThat(ftp.getReplyStrings()).contains(" AUTH TLS", " PROT");
            roundTrip(ftp);
        }
    }

    @Test
    void curlUploadsAndDownloadsOverExplicitTls() throws Exception {
        Processes.requireInstalled("curl");
        try (FtpTestServer server = new FtpTestServer(tls)) {
            java.nio.file.Files.writeString(dir.resolve("tls.txt"), "sent over TLS");
            String url = "ftp://127.0.0.1:" + server.port + "/tls.txt";
            List<String> curl = List.of("curl", "-sS", "--max-time", "30", "--ssl-reqd", "--cacert",
                    certificate.toString(), "-u", "alice:" + FtpTestServer.PASSWORD);
            Processes.Result put = Processes.run(concat(curl, "-T", "tls.txt", url), dir, Map.of(),
                    Duration.ofSeconds(60));
            assertThat(put.exitCode()).as(put.output()).isZero();
            Processes.Result get = Processes.run(concat(curl, url), dir, Map.of(), Duration.ofSeconds(60));
            assertThat(get.exitCode()).as(get.output()).isZero();
            assertThat(get.output()).isEqualTo("sent over TLS");
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void implicitTlsOnItsOwnPort() throws IOException {
        int implicitPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            implicitPort = probe.getLocalPort();
        }
        Map<String, Object> settings = new java.util.HashMap<>(tls);
        settings.put("implicitTlsPort", implicitPort);
        try (FtpTestServer server = new FtpTestServer(settings)) {
            FTPSClient ftp = tlsClient(true);
            ftp.connect("127.0.0.1", implicitPort);
            roundTrip(ftp);
        }
    }

    @Test
    void requiredTlsRefusesPlainLoginsAndPlainData() throws IOException {
        Map<String, Object> settings = new java.util.HashMap<>(tls);
        settings.put("requireTls", true);
        try (FtpTestServer server = new FtpTestServer(settings)) {
            FTPClient plain = server.connect();
            assertThat(plain.login("alice", FtpTestServer.PASSWORD)).isFalse();
            assertThat(plain.getReplyCode()).isEqualTo(530);
            assertThat(plain.getReplyString()).contains("AUTH TLS");
            plain.disconnect();

            FTPSClient clearData = tlsClient(false);
            clearData.connect("127.0.0.1", server.port);
            assertThat(clearData.login("alice", FtpTestServer.PASSWORD)).isTrue();
            clearData.execPBSZ(0);
            clearData.execPROT("C");
            clearData.enterLocalPassiveMode();
            assertThat(clearData.storeFile("clear.txt", new ByteArrayInputStream("x".getBytes(UTF_8)))).isFalse();
            assertThat(clearData.getReplyCode()).isEqualTo(521);
            clearData.disconnect();

            roundTrip(connected(server));
        }
    }

    private static FTPSClient connected(FtpTestServer server) throws IOException {
        FTPSClient ftp = tlsClient(false);
        ftp.connect("127.0.0.1", server.port);
        return ftp;
    }
}
