package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.eventvfs.BlockCheck;
import org.eventvfs.GcReport;
import org.eventvfs.Retention;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
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
        vfs.close().await();
        BlobStore whileItWasDown = Storage.openBlobStore(options.blobs(),
                new StorageContext(vertx, options.dataDirectory())).await();
        whileItWasDown.delete(lost).await();
        whileItWasDown.close().await();
        vfs = StoreFixture.open(vertx, options);

        BlockCheck check = vfs.verifyBlocks().await();

        assertThat(check.referenced()).isEqualTo(2);
        assertThat(check.missing()).containsExactly(lost);
        assertThat(check.intact()).isFalse();
    }

    @Test
    void retentionDropsTheContentOfRevisionsSupersededLongerAgoAndKeepsEveryEvent() {
        AtomicLong clock = startingNow();
        reopenWithClock(clock);
        Volume volume = vfs.volume("main").await();
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/old"), 0755), ACTOR).await();
        Content first = upload(volume, bytes(BLOCK + 1, 10));
        Committed firstCommit = commit(volume, "/doc", first, Overwrite.NEVER);
        Content inRemovedFolder = upload(volume, bytes(BLOCK / 2, 11));
        commit(volume, "/old/gone", inRemovedFolder, Overwrite.NEVER);
        Content shared = upload(volume, bytes(BLOCK / 3, 12));
        commit(volume, "/a", shared, Overwrite.NEVER);
        commit(volume, "/b", shared, Overwrite.NEVER);

        clock.addAndGet(Duration.ofHours(1).toMillis());
        byte[] second = bytes(BLOCK + 7, 13);
        commit(volume, "/doc", upload(volume, second), Overwrite.REPLACE);
        volume.execute(new VolumeCommand.Remove(VfsPath.parse("/old"), RemoveMode.RECURSIVE), ACTOR).await();
        commit(volume, "/a", upload(volume, bytes(100, 14)), Overwrite.REPLACE);

        clock.addAndGet(Duration.ofDays(10).toMillis());
        byte[] recentFirst = bytes(BLOCK / 4, 15);
        commit(volume, "/recent", upload(volume, recentFirst), Overwrite.NEVER);
        Committed recentSecond = commit(volume, "/recent", upload(volume, bytes(200, 16)), Overwrite.REPLACE);
        clock.addAndGet(Duration.ofDays(1).toMillis());
        List<EventEnvelope> eventsBefore = volume.events(1, 1000).await();

        GcReport report = vfs.collectGarbage(NO_GRACE, Retention.days(7), false).await();

        List<Sha256> dropped = new ArrayList<>(hashes(first));
        dropped.addAll(hashes(inRemovedFolder));
        assertThat(report.collected()).containsExactlyInAnyOrderElementsOf(dropped);
        assertThat(blocksStored()).doesNotContainAnyElementsOf(dropped).containsAll(hashes(shared));
        assertThat(volume.events(1, 1000).await()).isEqualTo(eventsBefore);
        assertThat(read(volume, "/doc", second.length)).isEqualTo(second);
        assertThat(read(volume, "/b", BLOCK / 3)).isEqualTo(bytes(BLOCK / 3, 12));
        Content recentOld = volume.stat(VfsPath.parse("/recent"), recentSecond.firstPosition() - 1).await().content();
        assertThat(volume.read(recentOld, 0, recentFirst.length).await().getBytes()).isEqualTo(recentFirst);
        assertThat(vfs.verifyBlocks(Retention.days(7)).await().intact()).isTrue();
        assertThat(vfs.verifyBlocks().await().missing()).containsExactlyInAnyOrderElementsOf(dropped);

        Content old = volume.stat(VfsPath.parse("/doc"), firstCommit.lastPosition()).await().content();
        assertThat(failure(volume.read(old, 0, 10))).isInstanceOf(VfsException.NotFound.class)
                .hasMessageContaining("no longer stored").hasMessageContaining("retention");
    }

    @Test
    void currentContentIsKeptHoweverOldAndWithoutAPolicyEveryRevisionIs() {
        AtomicLong clock = startingNow();
        reopenWithClock(clock);
        Volume volume = vfs.volume("main").await();
        byte[] ancient = bytes(BLOCK + 3, 20);
        commit(volume, "/ancient", upload(volume, ancient), Overwrite.NEVER);
        Content replaced = upload(volume, bytes(BLOCK, 21));
        commit(volume, "/replaced", replaced, Overwrite.NEVER);
        commit(volume, "/replaced", upload(volume, bytes(10, 22)), Overwrite.REPLACE);
        clock.addAndGet(Duration.ofDays(400).toMillis());

        assertThat(vfs.collectGarbage(NO_GRACE, false).await().collected()).isEmpty();
        GcReport none = vfs.collectGarbage(NO_GRACE, Retention.days(0), false).await();

        assertThat(none.collected()).containsExactlyInAnyOrderElementsOf(hashes(replaced));
        assertThat(read(volume, "/ancient", ancient.length)).isEqualTo(ancient);
    }

    /**
     * A clock that starts at the wall clock's now and that the test moves on by days: blocks are
     * stored at the wall clock's time, so they are all past a grace of zero by the test's clock.
     */
    private static AtomicLong startingNow() {
        return new AtomicLong(System.currentTimeMillis());
    }

    /** Reopens the stores with a clock the test moves: events are stamped with it, retention counts by it. */
    private void reopenWithClock(AtomicLong clock) {
        vfs.close().await();
        vfs = StoreFixture.open(vertx, options.withClock(clock::get));
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
        commit(volume, path, content, Overwrite.NEVER);
    }

    private static Committed commit(Volume volume, String path, Content content, Overwrite overwrite) {
        return volume.execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644, overwrite, null),
                ACTOR).await();
    }

    private static byte[] read(Volume volume, String path, int length) {
        Content content = volume.stat(VfsPath.parse(path)).await().content();
        return volume.read(content, 0, length).await().getBytes();
    }
}
