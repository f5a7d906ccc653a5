package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.RandomFiles;
import org.eventvfs.testkit.S3TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server configured with {@code blobs: s3://…} (S3Proxy on loopback), run as its own process,
 * with real clients: OpenSSH {@code sftp} and {@code curl} over WebDAV write and read the same
 * content, which is stored once in the bucket; {@code vfs verify --blobs} and {@code vfs gc} go
 * through the running server.
 */
@Timeout(180)
class S3BlobsEndToEndTest {
    private static final int SIZE = 9 * 1024 * 1024 + 123;
    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dir;

    private final S3TestServer s3 = S3TestServer.shared();
    private final String prefix = "e2e-" + UUID.randomUUID();
    private final Cli cli = new Cli();
    private Path data;
    private Path config;
    private Process server;
    private int sftpPort;
    private int webdavPort;

    @BeforeEach
    void startServer() throws Exception {
        Processes.requireInstalled("sftp");
        Processes.requireInstalled("curl");
        data = dir.resolve("data");
        config = Files.writeString(dir.resolve("vfs.yaml"), "blobs: " + s3.blobsUri(prefix) + "\n");
        sftpPort = ServerProcess.freePort();
        webdavPort = ServerProcess.freePort();
        server = ServerProcess.start(data, "--config", config.toString(), "--sftp-port", String.valueOf(sftpPort),
                "--webdav-port", String.valueOf(webdavPort), "--ftp-port", "0");
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void sftpAndWebDavStoreAndReadContentInS3() throws Exception {
        Path key = dir.resolve("key");
        ServerProcess.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        assertThat(vfs("user", "add", "bob", "--key", key + ".pub", "--home", "/shared").status()).isZero();
        assertThat(cli.runWithStdin(PASSWORD + "\n", "user", "add", "alice", "--password-stdin", "--home", "/shared",
                "--data", data.toString(), "--config", config.toString()).status()).isZero();
        Path file = dir.resolve("big.bin");
        byte[] bytes = RandomFiles.writeOne(file, SIZE, 5);

        Path log = dir.resolve("sftp.log");
        assertThat(ServerProcess.sftp(sftpPort, key, "bob", "put " + file + " by-sftp.bin", log).waitFor())
                .as(Files.readString(log)).isZero();
        curl("-T", file.toString(), url("by-webdav.bin"));

        Path viaSftp = dir.resolve("via-sftp.bin");
        assertThat(ServerProcess.sftp(sftpPort, key, "bob", "get by-webdav.bin " + viaSftp, log).waitFor())
                .as(Files.readString(log)).isZero();
        assertThat(Files.readAllBytes(viaSftp)).isEqualTo(bytes);
        Path viaWebDav = dir.resolve("via-webdav.bin");
        curl("-o", viaWebDav.toString(), url("by-sftp.bin"));
        assertThat(Files.readAllBytes(viaWebDav)).isEqualTo(bytes);
        Path range = dir.resolve("range.bin");
        curl("-r", "5000000-5000099", "-o", range.toString(), url("by-sftp.bin"));
        assertThat(Files.readAllBytes(range)).isEqualTo(Arrays.copyOfRange(bytes, 5_000_000, 5_000_100));

        assertThat(s3.keys(prefix)).as("3 blocks of 4 MiB, stored once for both files").hasSize(3);
        Result verified = vfs("verify", "--blobs");
        assertThat(verified.out()).contains("3 referenced blocks checked: all stored and intact");
        Result collected = vfs("gc", "--grace", "0");
        assertThat(collected.out()).contains("3 blocks stored, 3 referenced").contains("deleted 0");
        assertThat(s3.keys(prefix)).hasSize(3);
    }

    /** A {@code vfs} command on this data folder, which goes through the running server. */
    private Result vfs(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--data", data.toString(), "--config", config.toString()}, 0, all,
                args.length, 4);
        Result result = cli.run(all);
        assertThat(result.status()).as(result.err()).isZero();
        return result;
    }

    private String url(String name) {
        return "http://127.0.0.1:" + webdavPort + "/" + name;
    }

    private void curl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--fail", "-u", "alice:" + PASSWORD));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(command, dir, Map.of(), Duration.ofMinutes(1));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
