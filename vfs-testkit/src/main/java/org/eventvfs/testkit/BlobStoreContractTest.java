package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do. A back-end's test extends this and opens its store; it
 * may add tests of its own.
 */
public abstract class BlobStoreContractTest {
    protected Vertx vertx;
    private final List<BlobStore> opened = new ArrayList<>();

    /** Opens the store under test; every call within one test must open the same storage. */
    protected abstract Future<BlobStore> openStore(Vertx vertx);

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        for (BlobStore store : opened) {
            result(store.close());
        }
        result(vertx.close());
    }

    protected BlobStore open() {
        BlobStore store = result(openStore(vertx));
        opened.add(store);
        return store;
    }

    protected void close(BlobStore store) {
        opened.remove(store);
        result(store.close());
    }

    /** {@code size} pseudo-random bytes, the same for the same seed. */
    protected static byte[] block(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static Sha256 hashOf(byte[] bytes) {
        return Sha256.of(Sha256.newDigest().digest(bytes));
    }

    @Test
    void aStoredBlockReadsBackWhole() {
        BlobStore store = open();
        byte[] bytes = block(100_000, 1);
        Sha256 hash = hashOf(bytes);

        assertThat(result(store.put(Buffer.buffer(bytes)))).isEqualTo(hash);

        assertThat(result(store.contains(hash))).isTrue();
        assertThat(result(store.get(hash, 0, bytes.length)).getBytes()).isEqualTo(bytes);
    }

    @Test
    void aRangeReadsJustThoseBytesAndFewerAtTheEnd() {
        BlobStore store = open();
        byte[] bytes = block(10_000, 2);
        Sha256 hash = hashOf(bytes);
        result(store.put(Buffer.buffer(bytes)));

        assertThat(result(store.get(hash, 1234, 100)).getBytes())
                .isEqualTo(Arrays.copyOfRange(bytes, 1234, 1334));
        assertThat(result(store.get(hash, 9_990, 100)).getBytes())
                .isEqualTo(Arrays.copyOfRange(bytes, 9_990, 10_000));
        assertThat(result(store.get(hash, 10_000, 100)).length()).isZero();
        assertThat(result(store.get(hash, 50_000, 100)).length()).isZero();
    }

    @Test
    void anEmptyBlockIsABlock() {
        BlobStore store = open();
        Sha256 hash = hashOf(new byte[0]);

        result(store.put(Buffer.buffer()));

        assertThat(result(store.contains(hash))).isTrue();
        assertThat(result(store.get(hash, 0, 10)).length()).isZero();
    }

    @Test
    void aMissingBlockIsNotFound() {
        BlobStore store = open();
        Sha256 hash = hashOf(block(10, 3));

        assertThat(result(store.contains(hash))).isFalse();
        assertThat(failure(store.get(hash, 0, 10))).isInstanceOf(VfsException.NotFound.class);
    }

    @Test
    void storingABlockTwiceIsHarmless() {
        BlobStore store = open();
        byte[] bytes = block(5_000, 4);
        Sha256 hash = hashOf(bytes);

        result(store.put(Buffer.buffer(bytes)));
        result(store.put(Buffer.buffer(bytes)));

        assertThat(result(store.get(hash, 0, bytes.length)).getBytes()).isEqualTo(bytes);
    }

    @Test
    void aDeletedBlockIsGoneAndDeletingAgainIsHarmless() {
        BlobStore store = open();
        byte[] bytes = block(5_000, 5);
        Sha256 hash = hashOf(bytes);
        byte[] other = block(5_000, 6);
        result(store.put(Buffer.buffer(bytes)));
        result(store.put(Buffer.buffer(other)));

        result(store.delete(hash));
        result(store.delete(hash));

        assertThat(result(store.contains(hash))).isFalse();
        assertThat(failure(store.get(hash, 0, 10))).isInstanceOf(VfsException.NotFound.class);
        assertThat(result(store.contains(hashOf(other)))).isTrue();
    }

    @Test
    void usageCountsEachStoredBlockOnceWithItsBytes() {
        BlobStore store = open();
        assertThat(result(store.usage())).isEqualTo(new BlobUsage(0, 0));
        byte[] small = block(3_000, 7);
        byte[] large = block(20_000, 8);

        result(store.put(Buffer.buffer(small)));
        result(store.put(Buffer.buffer(large)));
        result(store.put(Buffer.buffer(small)));
        assertThat(result(store.usage())).isEqualTo(new BlobUsage(2, 23_000));

        result(store.delete(hashOf(large)));
        assertThat(result(store.usage())).isEqualTo(new BlobUsage(1, 3_000));
    }

    @Test
    void aReopenedStoreHasTheBlocks() {
        BlobStore first = open();
        byte[] bytes = block(70_000, 7);
        Sha256 hash = hashOf(bytes);
        result(first.put(Buffer.buffer(bytes)));
        close(first);

        BlobStore second = open();

        assertThat(result(second.get(hash, 0, bytes.length)).getBytes()).isEqualTo(bytes);
    }
}
