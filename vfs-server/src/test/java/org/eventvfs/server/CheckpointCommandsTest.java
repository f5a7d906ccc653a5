package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.eventvfs.Volume;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.LocalLogFrames;
import org.eventvfs.testkit.LocalLogFrames.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs checkpoint} and {@code vfs verify --checkpoint}: what a signed head proves, and what breaks it. */
@Timeout(120)
class CheckpointCommandsTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private Path data;
    private Path checkpoint;

    @BeforeEach
    void writeHistory() {
        data = dir.resolve("data");
        checkpoint = dir.resolve("checkpoint.json");
        try (TestServer server = TestServer.start(data)) {
            SmallHistory.write(server.vfs(), "default", 4);
        }
    }

    @Test
    void aCheckpointHoldsWhileTheLogGrowsAndFailsOnceTheLogIsCutBeforeIt() throws IOException {
        try (TestServer server = TestServer.start(data)) {
            Result made = cli.run("checkpoint", "--out", checkpoint.toString(), "--data", data.toString());
            assertThat(made.status()).as(made.err()).isZero();
            assertThat(made.out()).contains("checkpoint of 1 streams written to " + checkpoint)
                    .containsPattern("signed by key SHA256:[A-Za-z0-9+/]{43}");
            assertThat(Files.getPosixFilePermissions(data.resolve("checkpoint.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(checkpoint)).contains("\"stream\" : \"default\"").contains("\"position\" : 12");

            grow(server.vfs().volume("default").await(), 3);
            Result held = verifyCheckpoint();
            assertThat(held.status()).as(held.out() + held.err()).isZero();
            assertThat(held.out()).contains("signature valid, by key SHA256:").contains("compare this fingerprint")
                    .containsPattern("volume default: holds the checkpoint's head @12 [0-9a-f]{64}, chain intact up to it");
            Result withKey = verifyCheckpoint("--public-key", data.resolve("checkpoint.pub").toString());
            assertThat(withKey.status()).as(withKey.out() + withKey.err()).isZero();
        }
        assertThat(verifyCheckpoint().status()).isZero();

        Path log = data.resolve("events/default.log");
        List<Frame> frames = LocalLogFrames.of(Files.readAllBytes(log));
        Frame keep = frames.stream().filter(f -> f.lastPosition() == 8).findFirst().orElseThrow();
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(keep.end());
        }

        Result cut = verifyCheckpoint();

        assertThat(cut.status()).isEqualTo(1);
        assertThat(cut.out()).contains("volume default: FAILS the checkpoint (@12): the log was cut off: it ends at"
                + " position 8, before the checkpoint's position 12");
        assertThat(cli.run("verify", "--chain-only", "--data", data.toString()).status())
                .as("the chain alone cannot tell").isZero();
    }

    @Test
    void aTamperedCheckpointFailsItsSignature() throws IOException {
        Result made = cli.run("checkpoint", "--data", data.toString());
        assertThat(made.status()).as(made.err()).isZero();
        Files.writeString(checkpoint, made.out().replace("\"position\" : 12", "\"position\" : 11"));

        Result result = verifyCheckpoint();

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("the signature does not verify").doesNotContain("holds");
    }

    @Test
    void aKeyOfOnesOwnSignsAndOnlyItsPublicKeyVerifies() throws Exception {
        KeyPair own = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = dir.resolve("own.pem");
        Path publicKey = dir.resolve("own.pub");
        Files.writeString(key, pem("PRIVATE KEY", own.getPrivate().getEncoded()));
        Files.writeString(publicKey, pem("PUBLIC KEY", own.getPublic().getEncoded()));

        Result made = cli.run("checkpoint", "--key", key.toString(), "--out", checkpoint.toString(), "--data",
                data.toString());
        assertThat(made.status()).as(made.err()).isZero();
        assertThat(Files.readString(checkpoint))
                .contains(Base64.getEncoder().encodeToString(own.getPublic().getEncoded()));
        assertThat(data.resolve("checkpoint.key")).doesNotExist();

        assertThat(verifyCheckpoint("--public-key", publicKey.toString()).status()).isZero();
        cli.run("checkpoint", "--data", data.toString());
        Result other = verifyCheckpoint("--public-key", data.resolve("checkpoint.pub").toString());
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.out()).contains("the signature does not verify with " + data.resolve("checkpoint.pub"));
    }

    @Test
    void aLogRewrittenFromTheStartFailsTheCheckpointAlthoughItsChainIsIntact() throws IOException {
        assertThat(cli.run("checkpoint", "--out", checkpoint.toString(), "--data", data.toString()).status()).isZero();
        Files.delete(data.resolve("events/default.log"));
        try (TestServer server = TestServer.start(data)) {
            SmallHistory.write(server.vfs(), "default", 4);
            grow(server.vfs().volume("default").await(), 1);
        }

        Result result = verifyCheckpoint();

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).containsPattern("volume default: FAILS the checkpoint \\(@12\\): the log was"
                + " rewritten: the event at position 12 has hash [0-9a-f]{64}, not the checkpoint's [0-9a-f]{64}");
        assertThat(cli.run("verify", "--chain-only", "--data", data.toString()).status())
                .as("the chain alone cannot tell").isZero();
    }

    private Result verifyCheckpoint(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--checkpoint", checkpoint.toString(),
                "--data", data.toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    private static void grow(Volume volume, int folders) {
        for (int i = 0; i < folders; i++) {
            volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/later" + i), 0755), SmallHistory.ACTOR)
                    .await();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
