package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import ch.qos.logback.classic.Level;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.StoredBlock;
import org.eventvfs.testkit.LocalBlocks;
import org.eventvfs.testkit.LogRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small blocks in pack files: what a reopen, a crash, a deletion and damage leave readable. */
class PackedBlocksTest {
    @TempDir
    Path data;
    private Vertx vertx;
    private BlobStore store;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = open();
    }

    @AfterEach
    void stop() {
        result(store.close());
        result(vertx.close());
    }

    @Test
    void smallBlocksGoIntoOnePackAndAReopenReadsThemAll() throws IOException {
        List<byte[]> blocks = putBlocks(30, 4096);
        reopen();

        assertThat(packs()).hasSize(1);
        assertThat(LocalBlocks.count(blobs())).isEqualTo(30);
        try (Stream<Path> files = Files.walk(blobs())) {
            assertThat(files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))).isEmpty();
        }
        for (byte[] block : blocks) {
            assertThat(read(block)).isEqualTo(block);
        }
        assertThat(result(store.list())).hasSize(30);
    }

    @Test
    void theAppendedPackKeepsARunwayUntilItIsClosed() throws IOException {
        putBlocks(2, 1000);
        Path pack = packs().getFirst();

        assertThat(Files.size(pack)).isGreaterThanOrEqualTo(1 << 20);
        reopen();
        assertThat(Files.size(pack)).isEqualTo(2 * (PackRecord.HEADER_SIZE + 1000));
    }

    @Test
    void aDeletedBlockStaysDeletedAfterAReopenAndStoringItAgainBringsItBack() {
        List<byte[]> blocks = putBlocks(3, 500);
        result(store.delete(hashOf(blocks.get(1))));
        reopen();

        assertThat(failure(store.get(hashOf(blocks.get(1)), 0, 500))).isInstanceOf(VfsException.NotFound.class);
        assertThat(result(store.contains(hashOf(blocks.get(0))))).isTrue();

        result(store.put(Buffer.buffer(blocks.get(1))));
        reopen();
        assertThat(read(blocks.get(1))).isEqualTo(blocks.get(1));
        assertThat(result(store.list())).hasSize(3);
    }

    @Test
    void aBlockWriteCutShortIsIgnoredAndTheBlocksBeforeItRead() throws IOException {
        List<byte[]> blocks = putBlocks(3, 700);
        result(store.close());
        Path pack = packs().getFirst();
        ByteBuffer torn = PackRecord.header(Sha256.EMPTY, 5000, 0);
        append(pack, torn, ByteBuffer.allocate(100));

        try (LogRecorder log = new LogRecorder(PackRecovery.class, Level.INFO)) {
            store = open();
            assertThat(log.messages()).singleElement().asString().contains("cut its last block writes short")
                    .contains(pack.toString());
        }
        assertThat(Files.size(pack)).isEqualTo(3 * (PackRecord.HEADER_SIZE + 700));
        for (byte[] block : blocks) {
            assertThat(read(block)).isEqualTo(block);
        }
        byte[] later = block(800, 77);
        result(store.put(Buffer.buffer(later)));
        reopen();
        assertThat(packs()).hasSize(2);
        assertThat(read(later)).isEqualTo(later);
        assertThat(read(blocks.getLast())).isEqualTo(blocks.getLast());
    }

    @Test
    void aPackMostlyDeletedIsCompactedIntoTheNewestAndItsLiveBlocksStay() throws IOException {
        List<byte[]> blocks = putBlocks(20, 2000);
        reopen();
        Path first = packs().getFirst();

        for (int i = 0; i < 11; i++) {
            result(store.delete(hashOf(blocks.get(i))));
        }

        assertThat(packs()).doesNotContain(first).hasSize(1);
        assertThat(first.resolveSibling(first.getFileName().toString().replace(".pack", ".dead"))).doesNotExist();
        reopen();
        for (int i = 0; i < 20; i++) {
            if (i < 11) {
                assertThat(result(store.contains(hashOf(blocks.get(i))))).isFalse();
            } else {
                assertThat(read(blocks.get(i))).isEqualTo(blocks.get(i));
            }
        }
        assertThat(result(store.usage()).blocks()).isEqualTo(9);
    }

    @Test
    void aRecordWhoseBodyWasNeverWrittenIsNotTakenForTheBlock() throws IOException {
        putBlocks(2, 600);
        result(store.close());
        byte[] lost = block(1000, 55);
        Path pack = packs().getFirst();
        // A stop after the header reached the disk and before the body did: the runway's zeros remain.
        append(pack, PackRecord.header(hashOf(lost), 1000, 0), ByteBuffer.allocate(1000 + 4096));

        store = open();

        assertThat(result(store.contains(hashOf(lost)))).isFalse();
        result(store.put(Buffer.buffer(lost)));
        reopen();
        assertThat(read(lost)).isEqualTo(lost);
        assertThat(result(store.list())).hasSize(3);
    }

    @Test
    void damageInAnOlderPackIsReportedAndTheBlocksBeforeItStillRead() throws IOException {
        List<byte[]> blocks = putBlocks(3, 300);
        result(store.close());
        Path pack = packs().getFirst();
        LocalBlocks.damage(blobs(), hashOf(blocks.get(1)).hex(), 20 - PackRecord.HEADER_SIZE);
        store = open();
        result(store.put(Buffer.buffer(block(10, 5))));
        result(store.close());

        try (LogRecorder log = new LogRecorder(PackedBlocks.class)) {
            store = open();
            assertThat(log.messages()).singleElement().asString().contains("unreadable from byte 352")
                    .contains(pack.toString());
        }
        assertThat(read(blocks.get(0))).isEqualTo(blocks.get(0));
        assertThat(failure(store.get(hashOf(blocks.get(1)), 0, 10))).isInstanceOf(VfsException.NotFound.class);
        assertThat(failure(store.get(hashOf(blocks.get(2)), 0, 10))).isInstanceOf(VfsException.NotFound.class);
    }

    @Test
    void aSmallBlockFileOfAnOlderStoreIsReadListedAndDeleted() throws IOException {
        byte[] bytes = block(1000, 9);
        Sha256 hash = hashOf(bytes);
        String hex = hash.hex();
        Path file = Files.createDirectories(blobs().resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)))
                .resolve(hex);
        Files.write(file, bytes);

        assertThat(read(bytes)).isEqualTo(bytes);
        assertThat(result(store.list())).extracting(StoredBlock::hash).containsExactly(hash);
        result(store.put(Buffer.buffer(bytes)));
        assertThat(packs()).isEmpty();

        result(store.delete(hash));
        assertThat(file).doesNotExist();
        assertThat(result(store.contains(hash))).isFalse();
    }

    @Test
    void concurrentPutsAndDeletesWithACompactionLeaveExactlyTheLiveBlocksAfterAReopen() throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            blocks.add(block(1 + (i * 997) % PackedBlocks.MAX_BLOCK, 5000 + i));
        }
        List<Future<Sha256>> puts = new ArrayList<>();
        for (byte[] bytes : blocks) {
            puts.add(store.put(Buffer.buffer(bytes)));
        }
        result(Future.all(puts));
        reopen();
        Path first = packs().getFirst();
        List<Future<?>> mixed = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            byte[] bytes = blocks.get(i);
            // Two thirds deleted: the first pack is compacted while puts and deletes still run.
            mixed.add(i % 3 != 0 ? store.delete(hashOf(bytes)) : store.put(Buffer.buffer(bytes)));
        }
        result(Future.all(mixed));
        reopen();

        for (int i = 0; i < blocks.size(); i++) {
            if (i % 3 != 0) {
                assertThat(result(store.contains(hashOf(blocks.get(i))))).as("block %d", i).isFalse();
            } else {
                assertThat(read(blocks.get(i))).as("block %d", i).isEqualTo(blocks.get(i));
            }
        }
        assertThat(result(store.list())).hasSize((blocks.size() + 2) / 3);
        assertThat(packs()).hasSize(1).doesNotContain(first);
    }

    private BlobStore open() {
        return result(LocalBlobStore.open(vertx, blobs()));
    }

    private void reopen() {
        result(store.close());
        store = open();
    }

    private Path blobs() {
        return data.resolve("blobs");
    }

    private List<Path> packs() throws IOException {
        Path folder = blobs().resolve("packs");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".pack")).sorted().toList();
        }
    }

    private List<byte[]> putBlocks(int count, int size) {
        List<byte[]> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = block(size, 1000 + i);
            result(store.put(Buffer.buffer(bytes)));
            blocks.add(bytes);
        }
        return blocks;
    }

    private static void append(Path pack, ByteBuffer... bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.APPEND)) {
            channel.write(bytes);
        }
    }

    private byte[] read(byte[] block) {
        return result(store.get(hashOf(block), 0, block.length)).getBytes();
    }

    private static byte[] block(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Sha256 hashOf(byte[] bytes) {
        return Sha256.of(Sha256.newDigest().digest(bytes));
    }
}
