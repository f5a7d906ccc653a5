package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eventvfs.testkit.LocalBlocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable, and an upload cut by a crash leaves the previous revision: the server
 * runs as its own process, is killed with SIGKILL in the middle of an OpenSSH {@code sftp put}, and
 * started again on the same data folder.
 */
class CrashDuringUploadTest {
    @TempDir
    Path dir;

    private Process server;
    private Path data;
    private Path key;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void aKilledServerKeepsTheLastCommittedRevision() throws Exception {
        int port = startWithBob();

        Path small = dir.resolve("report.txt");
        Files.writeString(small, "the committed revision\n");
        assertThat(sftp(port, key, "put " + small + " report.txt").waitFor()).isZero();

        Path big = dir.resolve("big.bin");
        writeRandom(big, 256L * 1024 * 1024);
        long blocksBefore = blockCount(data);
        Process upload = sftp(port, key, "put " + big + " report.txt");
        awaitBlocks(data, blocksBefore + 2);
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(blockCount(data)).as("killed in the middle of the upload").isLessThan(blocksBefore + 64);
        upload.waitFor(30, TimeUnit.SECONDS);

        server = startServer(data, port);
        Path back = dir.resolve("back.txt");
        assertThat(sftp(port, key, "get report.txt " + back).waitFor()).isZero();
        assertThat(Files.readString(back)).isEqualTo("the committed revision\n");
    }

    /**
     * Small files go into the blob store's packs: a kill among them may cut a pack's last record
     * short, and still every file the server has is whole, the blocks verify, and the server starts.
     */
    @Test
    void aServerKilledAmongSmallUploadsKeepsEveryFileWholeAndItsBlocksIntact() throws Exception {
        int port = startWithBob();
        Path sent = Files.createDirectories(dir.resolve("small"));
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[1000 + random.nextInt(20_000)];
            random.nextBytes(bytes);
            Files.write(sent.resolve("f" + i), bytes);
        }

        Process upload = sftp(port, key, "put -r " + sent + " small");
        awaitBlocks(data, 100);
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        upload.waitFor(30, TimeUnit.SECONDS);
        assertThat(blockCount(data)).as("killed in the middle of the uploads").isLessThan(1000);

        ServerProcess.run(ServerProcess.vfs("verify", "--blobs", "--data", data.toString()));
        server = startServer(data, port);
        Path back = dir.resolve("back");
        assertThat(sftp(port, key, "get -r small " + back).waitFor()).isZero();
        List<Path> got;
        try (var files = Files.list(back)) {
            got = files.toList();
        }
        assertThat(got).hasSizeGreaterThanOrEqualTo(100);
        for (Path file : got) {
            assertThat(file).hasSameBinaryContentAs(sent.resolve(file.getFileName().toString()));
        }
    }

    /**
     * Blocks of 4 MiB reach the blob folder as the upload streams: proof that it is under way. The
     * upload's bytes never repeat, or deduplication would store one block for all of them.
     */
    private static void awaitBlocks(Path data, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (blockCount(data) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the upload never reached the blob store: "
                        + Files.readString(data.resolveSibling("sftp.log")));
            }
            Thread.sleep(20);
        }
    }

    /** Starts a server on a new data folder with the user bob, who logs in with a new key; answers its port. */
    private int startWithBob() throws Exception {
        data = dir.resolve("data");
        key = dir.resolve("key");
        ServerProcess.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        int port = ServerProcess.freePort();
        server = startServer(data, port);
        ServerProcess.run(ServerProcess.vfs("user", "add", "bob", "--key", key + ".pub", "--data", data.toString()));
        return port;
    }

    private static long blockCount(Path data) throws IOException {
        return LocalBlocks.count(data.resolve("blobs"));
    }

    private Process startServer(Path data, int port) throws Exception {
        return ServerProcess.start(data, "--sftp-port", String.valueOf(port), "--webdav-port", "0", "--ftp-port", "0");
    }

    private Process sftp(int port, Path key, String batchLine) throws IOException {
        return ServerProcess.sftp(port, key, "bob", batchLine, dir.resolve("sftp.log"));
    }

    private static void writeRandom(Path file, long size) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }
}
