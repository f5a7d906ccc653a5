package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock taken over WebDAV is honoured by SFTP and FTP: the file is read-only to OpenSSH's sftp and
 * to curl until the lock is released. The server runs as {@code vfs run} with the three protocols,
 * as a user runs it.
 */
class CrossProtocolLockTest {
    private static final String LOCKINFO = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope>"
            + "<D:locktype><D:write/></D:locktype></D:lockinfo>";

    @TempDir
    Path dir;

    private Process server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void aFileLockedOverWebDavIsReadOnlyOverSftpAndFtpUntilUnlocked() throws Exception {
        Path data = dir.resolve("data");
        Path key = dir.resolve("key");
        ServerProcess.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        int sftpPort = ServerProcess.freePort();
        int davPort = ServerProcess.freePort();
        int ftpPort = ServerProcess.freePort();
        server = ServerProcess.start(data, "--sftp-port", String.valueOf(sftpPort), "--webdav-port",
                String.valueOf(davPort), "--ftp-port", String.valueOf(ftpPort));
        Process add = new ProcessBuilder(ServerProcess.vfs("user", "add", "carol", "--password-stdin", "--key",
                key + ".pub", "--data", data.toString())).redirectErrorStream(true).start();
        add.getOutputStream().write("s3cret\n".getBytes(StandardCharsets.UTF_8));
        add.getOutputStream().close();
        assertThat(add.waitFor()).as(new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        String base = "http://127.0.0.1:" + davPort;
        assertThat(send("PUT", base + "/plan.txt", "version 1", null).statusCode()).isEqualTo(201);

        HttpResponse<String> lock = send("LOCK", base + "/plan.txt", LOCKINFO, null);
        assertThat(lock.statusCode()).isEqualTo(200);
        String token = lock.headers().firstValue("Lock-Token").orElseThrow();

        Path local = Files.writeString(dir.resolve("plan.txt"), "from sftp");
        Path log = dir.resolve("sftp.log");
        assertThat(ServerProcess.sftp(sftpPort, key, "carol", "put " + local + " plan.txt", log).waitFor())
                .as("a put over SFTP while locked").isNotZero();
        assertThat(Files.readString(log)).contains("Permission denied");
        assertThat(ServerProcess.sftp(sftpPort, key, "carol", "rm plan.txt", log).waitFor()).isNotZero();
        String ftp = "ftp://127.0.0.1:" + ftpPort + "/plan.txt";
        assertThat(curl("-T", local.toString(), ftp)).as("a STOR over FTP while locked").isNotZero();
        assertThat(curl("-Q", "DELE plan.txt", "ftp://127.0.0.1:" + ftpPort + "/")).isNotZero();
        assertThat(send("GET", base + "/plan.txt", null, null).body()).isEqualTo("version 1");

        assertThat(send("UNLOCK", base + "/plan.txt", null, token).statusCode()).isEqualTo(204);
        assertThat(ServerProcess.sftp(sftpPort, key, "carol", "put " + local + " plan.txt", log).waitFor())
                .as(Files.readString(log)).isZero();
        assertThat(send("GET", base + "/plan.txt", null, null).body()).isEqualTo("from sftp");
        Files.writeString(local, "from ftp");
        assertThat(curl("-T", local.toString(), ftp)).isZero();
        assertThat(send("GET", base + "/plan.txt", null, null).body()).isEqualTo("from ftp");
    }

    private int curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "-u",
                "carol:s3cret", "-o", "/dev/null"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("curl.log").toFile())
                .start().waitFor();
    }

    private HttpResponse<String> send(String method, String url, String body, String lockToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("carol:s3cret".getBytes(StandardCharsets.UTF_8)));
        if (lockToken != null) {
            request.header("Lock-Token", lockToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
