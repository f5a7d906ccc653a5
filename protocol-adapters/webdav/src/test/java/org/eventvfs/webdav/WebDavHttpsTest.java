package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a PEM certificate and key configured, WebDAV is served over HTTPS only. */
class WebDavHttpsTest {
    @TempDir
    Path dir;

    @Test
    void servesHttpsWithTheConfiguredCertificate() throws Exception {
        Processes.requireInstalled("openssl");
        Processes.requireInstalled("curl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Processes.Result made = Processes.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"), dir, Map.of(), Duration.ofSeconds(30));
        assertThat(made.exitCode()).as(made.output()).isZero();

        try (DavServer server = new DavServer(Map.of("certificate", cert.toString(), "privateKey", key.toString()))) {
            assertThat(server.url).startsWith("https://127.0.0.1:");
            Files.writeString(dir.resolve("a.txt"), "over TLS");

            Processes.Result put = curl(cert, "-T", dir.resolve("a.txt").toString(), server.url + "/a.txt");
            Processes.Result get = curl(cert, server.url + "/a.txt");
            Processes.Result plain = curl(cert, server.url.replace("https:", "http:") + "/a.txt");

            assertThat(put.output()).isEqualTo("201");
            assertThat(get.output()).isEqualTo("over TLS200");
            assertThat(plain.exitCode()).as("plain HTTP on the TLS port").isNotZero();
        }
    }

    private Processes.Result curl(Path cert, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--cacert", cert.toString(), "-u",
                "alice:" + DavServer.PASSWORD, "-w", "%{http_code}", "--max-time", "20"));
        command.addAll(List.of(args));
        return Processes.run(command, dir, Map.of(), Duration.ofSeconds(30));
    }
}
