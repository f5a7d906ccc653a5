package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.server.Cli.Result;
import io.vertx.core.buffer.Buffer;
import org.eventvfs.testkit.LocalBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs gc} and {@code vfs verify --blobs} on the local blob folder, through a server and without one. */
@Timeout(60)
class BlockCommandsTest {
    private static final Actor ACTOR = new Actor("tester", "test", "127.0.0.1", "s-1", "junit");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void gcThroughTheRunningServerDeletesOnlyWhatNoEventReferences() throws Exception {
        Path data = dir.resolve("data");
        Content orphan;
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            commit(volume, "/kept", upload(volume, 1));
            orphan = upload(volume, 2);
            String orphanHex = orphan.blocks().getFirst().hash().hex();

            Result young = cli.run("gc", "--data", data.toString());
            assertThat(young.out()).contains("1 unreferenced kept (stored within 24h)").contains("deleted 0");

            Result dry = cli.run("gc", "--dry-run", "--grace", "0", "--data", data.toString());
            assertThat(dry.status()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("unreferenced " + orphanHex).contains("would delete 1");
            assertThat(blockFiles(data)).anyMatch(f -> f.endsWith(orphanHex));

            Result done = cli.run("gc", "--grace", "0", "--data", data.toString());
            assertThat(done.out()).contains("2 blocks stored, 1 referenced").contains("deleted 1");
            assertThat(blockFiles(data)).noneMatch(f -> f.endsWith(orphanHex));

            Result verified = cli.run("verify", "--blobs", "--data", data.toString());
            assertThat(verified.status()).isZero();
            assertThat(verified.out()).contains("1 referenced blocks checked: all stored and intact");

            Result audited = cli.run("log", "--volume", "@accounts", "--data", data.toString());
            assertThat(audited.out().lines().skip(1)).as("only the collection that deleted a block is recorded")
                    .singleElement().asString().contains(System.getProperty("user.name") + "  admin")
                    .contains("BlocksCollected").contains("user=" + System.getProperty("user.name") + " deleted=1");
        }
    }

    @Test
    void verifyWithoutAServerNamesAMissingBlockAndFails() throws Exception {
        Path data = dir.resolve("data");
        String lost;
        try (TestServer server = TestServer.start(data)) {
            Content content = upload(server.vfs().volume("default").await(), 3);
            commit(server.vfs().volume("default").await(), "/f", content);
            lost = content.blocks().getFirst().hash().hex();
        }
        LocalBlocks.lose(data.resolve("blobs"), lost);

        Result verified = cli.run("verify", "--blobs", "--data", data.toString());

        assertThat(verified.status()).isEqualTo(1);
        assertThat(verified.out()).contains("missing " + lost).contains("1 missing, 0 damaged");
    }

    @Test
    void verifyRefusesSelectorsThatContradictEachOther() {
        Result both = cli.run("verify", "--chain-only", "--blobs", "--data", dir.toString());
        Result keyAlone = cli.run("verify", "--public-key", "k.pem", "--data", dir.toString());

        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--chain-only").contains("--blobs");
        assertThat(keyAlone.status()).isEqualTo(2);
        assertThat(keyAlone.err()).contains("--checkpoint");
    }

    @Test
    void credentialsAreRefusedOnTheCommandLine() {
        Result result = cli.run("gc", "--data", dir.toString(), "--blobs", "s3://KEY:s3cr3tvalue@bucket/p");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("no credentials on the command line").doesNotContain("s3cr3tvalue");
    }

    @Test
    void aBadGraceIsRefusedByName() {
        Result result = cli.run("gc", "--grace", "soon", "--data", dir.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("--grace").contains("soon");
    }

    private static Content upload(Volume volume, long seed) {
        byte[] bytes = new byte[10_000];
        new Random(seed).nextBytes(bytes);
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(bytes)).await();
        return upload.finish().await();
    }

    private static void commit(Volume volume, String path, Content content) {
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644, Overwrite.NEVER, null),
                ACTOR).await();
    }

    private static Stream<String> blockFiles(Path data) {
        return LocalBlocks.hashes(data.resolve("blobs")).stream();
    }
}
