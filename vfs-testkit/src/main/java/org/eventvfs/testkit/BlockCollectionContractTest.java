package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.eventvfs.BlockCheck;
import org.eventvfs.GcReport;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.junit.jupiter.api.Test;

/**
 * What garbage collection and block verification must do on every blob store: delete exactly the
 * unreferenced blocks past the grace period, never one an upload is about to reference.
 */
public abstract class BlockCollectionContractTest extends OpenVfsTest {
    private static final Actor ACTOR = new Actor("tester", "test", "127.0.0.1", "s-1", "junit");
    private static final Duration NO_GRACE = Duration.ZERO;

    @Test
    void onlyUnreferencedBlocksPastTheGraceAreCollected() {
        Volume volume = vfs.volume("main").await();
        byte[] kept = bytes(3 * BLOCK + 100, 1);
        commit(volume, "/kept", upload(volume, kept));
        Content orphan = upload(volume, bytes(2 * BLOCK, 2));

        GcReport young = vfs.collectGarbage(Duration.ofHours(1), false).await();
        assertThat(young.collected()).isEmpty();
        assertThat(young.young()).isEqualTo(2);

        GcReport dry = vfs.collectGarbage(NO_GRACE, true).await();
        assertThat(dry.collected()).containsExactlyInAnyOrderElementsOf(hashes(orphan));
        assertThat(blocksStored()).containsAll(hashes(orphan));

        GcReport done = vfs.collectGarbage(NO_GRACE, false).await();
        assertThat(done.collected()).containsExactlyInAnyOrderElementsOf(hashes(orphan));
        assertThat(done.referenced()).isEqualTo(4);
        assertThat(blocksStored()).doesNotContainAnyElementsOf(hashes(orphan));
        assertThat(read(volume, "/kept", kept.length)).isEqualTo(kept);
        assertThat(vfs.verifyBlocks().await().intact()).isTrue();
    }

    @Test
    void blocksOfRemovedFilesStayWhileTheirRevisionIsRetained() {
        Volume volume = vfs.volume("main").await();
        Content content = upload(volume, bytes(BLOCK + 1, 3));
        commit(volume, "/gone", content);
        volume.execute(new VolumeCommand.Remove(VfsPath.parse("/gone"), RemoveMode.NON_DIRECTORY_ONLY), ACTOR).await();

        GcReport report = vfs.collectGarbage(NO_GRACE, false).await();

        assertThat(report.collected()).isEmpty();
        assertThat(blocksStored()).containsAll(hashes(content));
    }

    @Test
    void anUploadRacingACollectionNeverLosesABlockItReferences() {
        Volume volume = vfs.volume("main").await();
        for (int round = 0; round < 10; round++) {
            byte[] data = bytes(2 * BLOCK, 100 + round);
            upload(volume, data);
            Future<GcReport> collecting = vfs.collectGarbage(NO_GRACE, false);
            String path = "/race-" + round;
            Future<Void> uploading = uploadAsync(volume, data)
                    .compose(content -> volume.execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content,
                            0644, Overwrite.NEVER, null), ACTOR)).mapEmpty();
            Future.join(collecting, uploading).await();

            assertThat(read(volume, path, data.length)).isEqualTo(data);
        }
        BlockCheck check = vfs.verifyBlocks().await();
        assertThat(check.missing()).isEmpty();
        assertThat(check.referenced()).isEqualTo(20);
    }

    @Test
    void verifyNamesReferencedBlocksThatAreMissing() {
        Volume volume = vfs.volume("main").await();
        Content content = upload(volume, bytes(2 * BLOCK, 4));
        commit(volume, "/f", content);
        Sha256 lost = content.blocks().getFirst().hash();
        BlobStore behindItsBack = Storage.openBlobStore(options.blobs(),
                new StorageContext(vertx, options.dataDirectory())).await();
        behindItsBack.delete(lost).await();
        behindItsBack.close().await();

        BlockCheck check = vfs.verifyBlocks().await();

        assertThat(check.referenced()).isEqualTo(2);
        assertThat(check.missing()).containsExactly(lost);
        assertThat(check.intact()).isFalse();
    }

    private List<Sha256> blocksStored() {
        BlobStore store = Storage.openBlobStore(options.blobs(), new StorageContext(vertx, options.dataDirectory()))
                .await();
        try {
            return store.list().await().stream().map(b -> b.hash()).toList();
        } finally {
            store.close().await();
        }
    }

    private static List<Sha256> hashes(Content content) {
        return content.blocks().stream().map(BlockRef::hash).toList();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static Content upload(Volume volume, byte[] data) {
        return uploadAsync(volume, data).await();
    }

    private static Future<Content> uploadAsync(Volume volume, byte[] data) {
        Upload upload = volume.upload();
        return upload.write(Buffer.buffer(data)).compose(written -> upload.finish());
    }

    private static void commit(Volume volume, String path, Content content) {
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644, Overwrite.NEVER, null),
                ACTOR).await();
    }

    private static byte[] read(Volume volume, String path, int length) {
        Content content = volume.stat(VfsPath.parse(path)).await().content();
        return volume.read(content, 0, length).await().getBytes();
    }
}
