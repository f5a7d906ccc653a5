package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StoredBlock;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.BlobStoreContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContractTest {
    @TempDir
    Path data;

    @Override
    protected Future<BlobStore> openStore(Vertx vertx) {
        return Storage.openBlobStore(URI.create("file:blobs"), new StorageContext(vertx, data));
    }

    @Test
    void aLargeBlockIsAFileNamedByItsHashTwoFoldersDeep() {
        BlobStore store = open();
        byte[] bytes = block(PackedBlocks.MAX_BLOCK + 1, 10);
        Sha256 hash = hashOf(bytes);

        result(store.put(Buffer.buffer(bytes)));

        String hex = hash.hex();
        Path file = data.resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
        assertThat(file).hasBinaryContent(bytes);
        assertThat(data.resolve("blobs/tmp")).isEmptyDirectory();
    }

    @Test
    void unfinishedWritesAreRemovedOnOpen() throws IOException {
        Path tmp = Files.createDirectories(data.resolve("blobs/tmp"));
        Files.write(tmp.resolve("0b7c.tmp"), new byte[] {1, 2, 3});

        open();

        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aBlockReusedByItsWriterAfterThePutKeepsItsStoredBytes() {
        BlobStore store = open();
        byte[] bytes = block(100, 11);
        Buffer reused = Buffer.buffer(bytes);
        Sha256 hash = result(store.put(reused));

        reused.setBytes(0, block(100, 12));

        assertThat(result(store.get(hash, 0, 100)).getBytes()).isEqualTo(bytes);
    }

    @Test
    void theListingHoldsEveryStoredBlock() throws IOException {
        BlobStore store = open();
        Sha256[] hashes = new Sha256[20];
        for (int i = 0; i < hashes.length; i++) {
            byte[] bytes = block(100 + i, 100 + i);
            hashes[i] = hashOf(bytes);
            result(store.put(Buffer.buffer(bytes)));
        }
        byte[] large = block(PackedBlocks.MAX_BLOCK + 1, 99);
        Sha256 largeHash = result(store.put(Buffer.buffer(large)));
        result(store.delete(hashes[0]));
        Path folder = Files.createDirectories(data.resolve("blobs").resolve(hashes[1].hex().substring(0, 2)));
        Files.writeString(folder.resolve("README"), "not a block");

        Sha256[] expected = Arrays.copyOf(Arrays.copyOfRange(hashes, 1, hashes.length), hashes.length);
        expected[hashes.length - 1] = largeHash;
        assertThat(result(store.list())).extracting(StoredBlock::hash).containsExactlyInAnyOrder(expected);
    }
}
