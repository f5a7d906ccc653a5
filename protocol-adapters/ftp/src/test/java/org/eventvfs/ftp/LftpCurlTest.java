package org.eventvfs.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.RandomFiles;
import org.eventvfs.testkit.TreeHashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real lftp and curl clients: mirroring a tree both ways, resuming, and FTPS. */
class LftpCurlTest {
    private static final String ALICE = "alice:" + FtpTestServer.PASSWORD;

    private FtpTestServer server;
    private Path work;

    @BeforeEach
    void start() throws Exception {
        Processes.requireInstalled("lftp");
        Processes.requireInstalled("curl");
        server = new FtpTestServer();
        work = Files.createDirectories(server.data.resolve("clients"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Processes.Result lftp(String script) throws Exception {
        String settings = "set cmd:fail-exit yes; set ftp:ssl-allow no; set net:max-retries 1; set net:timeout 20; "
                + "set net:reconnect-interval-base 1; ";
        return Processes.run(List.of("lftp", "-u", "alice," + FtpTestServer.PASSWORD, "-p",
                String.valueOf(server.port), "-e", settings + script + "; bye", "127.0.0.1"), work, Map.of("HOME", work.toString()),
                Duration.ofMinutes(5));
    }

    private Processes.Result curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60", "-u", ALICE));
        command.addAll(List.of(args));
        return Processes.run(command, work, Map.of(), Duration.ofSeconds(90));
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + server.port + path;
    }

    @Test
    void lftpMirrorsAThousandFileTreeUpAndBackDown() throws Exception {
        Path local = work.resolve("tree");
        Random random = new Random(7);
        for (int folder = 0; folder < 10; folder++) {
            RandomFiles.write(local.resolve("folder-" + folder), random, 100, i -> i % 50 == 0 ? 300_000 : 4_000);
        }
        Processes.Result up = lftp("mirror -R --no-perms " + local + " /tree");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(TreeHashes.of(server.volume(), VfsPath.parse("/home/alice/tree"))).hasSize(1000)
                .isEqualTo(TreeHashes.of(local));

        Path back = work.resolve("back");
        Processes.Result down = lftp("mirror /tree " + back);
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(TreeHashes.of(back)).isEqualTo(TreeHashes.of(local));
    }

    @Test
    void lftpResumesAnInterruptedDownloadAndUpload() throws Exception {
        byte[] bytes = RandomFiles.writeOne(work.resolve("big.bin"), 3_000_000, 11);
        assertThat(lftp("put big.bin").exitCode()).isZero();
        Files.write(work.resolve("partial.bin"), java.util.Arrays.copyOf(bytes, 1_000_000));
        Processes.Result reget = lftp("get -c big.bin -o partial.bin");
        assertThat(reget.exitCode()).as(reget.output()).isZero();
        assertThat(Files.readAllBytes(work.resolve("partial.bin"))).isEqualTo(bytes);

        Files.write(work.resolve("half.bin"), java.util.Arrays.copyOf(bytes, 1_500_000));
        assertThat(lftp("put half.bin -o resumed.bin").exitCode()).isZero();
        Files.copy(work.resolve("big.bin"), work.resolve("resumed.bin"));
        Processes.Result reput = lftp("put -c resumed.bin");
        assertThat(reput.exitCode()).as(reput.output()).isZero();
        assertThat(TreeHashes.of(server.volume(), VfsPath.parse("/home/alice")).get("resumed.bin"))
                .isEqualTo(TreeHashes.of(work).get("big.bin"));
    }

    @Test
    void curlUploadsDownloadsListsAndResumes() throws Exception {
        byte[] bytes = RandomFiles.writeOne(work.resolve("c.bin"), 500_000, 5);
        assertThat(curl("-T", "c.bin", "--ftp-create-dirs", url("/sub/c.bin")).exitCode()).isZero();
        Processes.Result got = curl("-o", "got.bin", url("/sub/c.bin"));
        assertThat(got.exitCode()).as(got.output()).isZero();
        assertThat(Files.readAllBytes(work.resolve("got.bin"))).isEqualTo(bytes);
        assertThat(curl("-l", url("/sub/")).output()).isEqualTo("c.bin\n");

        Files.write(work.resolve("part.bin"), java.util.Arrays.copyOf(bytes, 123_456));
        Processes.Result resumed = curl("-C", "-", "-o", "part.bin", url("/sub/c.bin"));
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(Files.readAllBytes(work.resolve("part.bin"))).isEqualTo(bytes);

        Processes.Result missing = curl("-o", "none.bin", url("/sub/none.bin"));
        assertThat(missing.exitCode()).as("curl's code for a 550 to RETR").isEqualTo(78);
        Processes.Result wrong = Processes.run(List.of("curl", "-sS", "-u", "alice:wrong", url("/")), work,
                Map.of(), Duration.ofSeconds(30));
        assertThat(wrong.exitCode()).as("curl's code for a refused login").isEqualTo(67);
    }
}
