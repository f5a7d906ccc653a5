package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.PostgresDatabases;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs export} and {@code vfs import}: the upgrade from the embedded store to PostgreSQL. */
@Timeout(60)
class ArchiveCommandsTest {
    private static final Actor ALICE = new Actor("alice", "sftp", "192.0.2.7", "s-1", null);

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aVolumeMovesFromTheEmbeddedStoreToPostgresqlHashForHash() throws IOException {
        Path laptop = dir.resolve("laptop");
        byte[] report = "quarterly figures\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        writeHistory(laptop, report);
        String events = PostgresDatabases.create().toString();
        Path server = dir.resolve("server");

        Result exported = cli.run("export", "default", "--to", dir.resolve("archive").toString(), "--data",
                laptop.toString());
        Result imported = cli.run("import", dir.resolve("archive").toString(), "--events", events, "--data",
                server.toString());

        assertThat(exported.err()).isEmpty();
        assertThat(exported.out()).startsWith("exported volume default: 6 events, 1 blocks");
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).startsWith("imported volume default: 6 events, 1 blocks, chain verified");
        List<EventEnvelope> before = StoreFixture.readAll(vertx, VfsOptions.embedded(laptop), "default");
        VfsOptions upgraded = VfsOptions.embedded(server).withEvents(URI.create(events));
        assertThat(StoreFixture.readAll(vertx, upgraded, "default")).isEqualTo(before);
        Vfs vfs = Vfs.open(vertx, upgraded).await();
        Volume volume = vfs.volume("default").await();
        Content content = volume.stat(VfsPath.parse("/docs/report.txt")).await().content();
        assertThat(volume.read(content, 0, report.length).await().getBytes()).isEqualTo(report);
        vfs.close().await();
    }

    @Test
    void aTamperedArchiveIsRefusedAndNothingIsImported() throws IOException {
        Path laptop = dir.resolve("laptop");
        writeHistory(laptop, "x".getBytes(StandardCharsets.UTF_8));
        Path archive = dir.resolve("archive");
        cli.run("export", "default", "--to", archive.toString(), "--data", laptop.toString());
        Path lines = archive.resolve(VolumeArchive.EVENTS);
        Files.writeString(lines, Files.readString(lines).replace("\"docs\"", "\"dogs\""));
        String events = PostgresDatabases.create().toString();

        Result imported = cli.run("import", archive.toString(), "--events", events, "--data",
                dir.resolve("server").toString());

        assertThat(imported.status()).isEqualTo(1);
        assertThat(imported.err()).contains("line 1 does not verify").contains("nothing was imported");
        assertThat(StoreFixture.readAll(vertx, VfsOptions.embedded(dir.resolve("server"))
                .withEvents(URI.create(events)), "default")).isEmpty();
    }

    /** A folder, a file with content, a rename and a removal: six events, one block. */
    private void writeHistory(Path data, byte[] report) {
        Vfs vfs = Vfs.open(vertx, VfsOptions.embedded(data)).await();
        Volume volume = vfs.volume("default").await();
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/docs"), 0755), ALICE).await();
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(report)).await();
        Content content = upload.finish().await();
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/docs/draft.txt"), content, 0644,
                Overwrite.NEVER, null), ALICE).await();
        volume.execute(new VolumeCommand.Move(VfsPath.parse("/docs/draft.txt"), VfsPath.parse("/docs/report.txt"),
                Overwrite.NEVER), ALICE).await();
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/tmp"), 0755), ALICE).await();
        volume.execute(new VolumeCommand.Remove(VfsPath.parse("/tmp"), RemoveMode.RECURSIVE), ALICE).await();
        vfs.close().await();
    }
}
