package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eventvfs.domain.Sha256;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.LocalBlocks;
import org.eventvfs.testkit.LocalLogFrames;
import org.eventvfs.testkit.LocalLogFrames.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs verify} of hash chains and blocks on the embedded store: stopped, and through a running server. */
@Timeout(180)
class VerifyCommandsTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private Path data;
    private List<String> blocks;

    @BeforeEach
    void writeHistory() {
        data = dir.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            blocks = SmallHistory.write(server.vfs(), "default", 6);
            SmallHistory.write(server.vfs(), "other", 2);
            Result added = cli.runWithStdin("pw\n", "user", "add", "alice", "--password-stdin", "--data",
                    data.toString());
            assertThat(added.status()).as(added.err()).isZero();
        }
    }

    @Test
    void anIntactStoppedFolderVerifiesEveryStreamAndBlockAndIsLeftAsItWas() throws Exception {
        Map<String, String> before = contents(data);

        Result result = verify();

        assertThat(result.status()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("volume default: 19 events, chain intact, head @19 [0-9a-f]{64}"))
                .anyMatch(l -> l.matches("volume other: 6 events, chain intact, head @6 [0-9a-f]{64}"))
                .anyMatch(l -> l.matches("accounts stream @accounts: \\d+ events, chain intact, head @\\d+ [0-9a-f]{64}"))
                .contains("6 referenced blocks checked: all stored and intact");
        assertThat(contents(data)).isEqualTo(before);
    }

    @Test
    void aFlippedByteAnywhereInALogNamesTheStreamAndTheFirstBadPosition() throws IOException {
        Path log = data.resolve("events/default.log");
        byte[] pristine = Files.readAllBytes(log);
        List<Frame> frames = LocalLogFrames.of(pristine);
        int stride = Math.max(1, pristine.length / 25);
        List<Long> offsets = Stream.iterate(0L, at -> at < pristine.length, at -> at + stride).toList();
        for (long at : Stream.concat(offsets.stream(), Stream.of(1L, 5L, 9L, 19L, 21L, 25L,
                pristine.length - 1L, pristine.length - 4L, pristine.length - 6L)).toList()) {
            Frame frame = LocalLogFrames.at(frames, at);
            byte[] damaged = pristine.clone();
            damaged[(int) at] ^= (byte) 0x10;
            Files.write(log, damaged);

            Result result = cli.run("verify", "--chain-only", "--data", data.toString());

            assertThat(result.status()).as("flip at byte %d: %s", at, result.out()).isEqualTo(1);
            assertThat(result.out()).as("flip at byte %d", at)
                    .contains("volume default: DAMAGED at position " + frame.firstPosition() + ": unreadable frame at"
                            + " byte " + frame.start())
                    .containsPattern("volume other: 6 events, chain intact");
            assertThat(log).hasBinaryContent(damaged);
        }
        Files.write(log, pristine);
        assertThat(cli.run("verify", "--chain-only", "--data", data.toString()).status()).isZero();
    }

    @Test
    void aFlippedByteInTheAccountLogNamesTheAccountStream() throws IOException {
        Path log = data.resolve("events/%40accounts.log");
        byte[] bytes = Files.readAllBytes(log);
        bytes[bytes.length / 2] ^= 1;
        Files.write(log, bytes);

        Result result = verify();

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("accounts stream @accounts: DAMAGED at position 1: unreadable frame at byte 0");
    }

    @Test
    void aFlippedByteInABlockNamesTheBlock() throws IOException {
        String victim = blocks.get(2);
        LocalBlocks.damage(data.resolve("blobs"), victim, 1000);

        Result result = verify();

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("damaged " + victim).contains("0 missing, 1 damaged")
                .contains("volume default: 19 events, chain intact");
    }

    @Test
    void throughARunningServerTheServerReadsAndStillNamesDamage() throws IOException {
        try (TestServer server = TestServer.start(data)) {
            SmallHistory.write(server.vfs(), "third", 1);
            Result intact = verify();
            assertThat(intact.status()).as(intact.out() + intact.err()).isZero();
            assertThat(intact.out()).contains("volume third: 3 events, chain intact")
                    .contains("6 referenced blocks checked: all stored and intact");

            Path log = data.resolve("events/default.log");
            byte[] bytes = Files.readAllBytes(log);
            Frame fourth = LocalLogFrames.of(bytes).get(3);
            bytes[(int) fourth.start() + 30] ^= 0x01;
            Files.write(log, bytes);

            Result damaged = cli.run("verify", "--chain-only", "--data", data.toString());
            assertThat(damaged.status()).isEqualTo(1);
            assertThat(damaged.out()).contains("volume default: DAMAGED at position 4: unreadable frame at byte "
                    + fourth.start());
        }
    }

    private Result verify() {
        return cli.run("verify", "--data", data.toString());
    }

    /** Every file of the folder by its SHA-256, but the lock file, which a command rewrites with its pid. */
    private static Map<String, String> contents(Path folder) throws Exception {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(DataFolderLock.FILE_NAME)) {
                    MessageDigest digest = Sha256.newDigest();
                    contents.put(folder.relativize(file).toString(),
                            HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
                }
            }
        }
        return contents;
    }
}
