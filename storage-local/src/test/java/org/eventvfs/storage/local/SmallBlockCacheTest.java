package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.VfsException;
import org.eventvfs.testkit.LocalBlocks;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Small blocks are served from memory once stored or read: shown by taking their files away from
 * under the store, which a read from disk could not survive. Large blocks always come from the store.
 */
class SmallBlockCacheTest {
    private final Vertx vertx = Vertx.vertx();
    private final Path dir = StoreFixture.tempDirectory();
    private final VfsOptions options = VfsOptions.embedded(dir);
    private Vfs vfs;

    @BeforeEach
    void open() {
        vfs = Vfs.open(vertx, options).await();
    }

    @AfterEach
    void close() {
        vfs.close().await();
        vertx.close().await();
        StoreFixture.delete(dir);
    }

    @Test
    void aSmallBlockJustStoredIsReadFromMemory() throws IOException {
        Volume volume = vfs.volume("main").await();
        byte[] small = bytes(4096);
        Content content = store(volume, small);
        deleteBlockFiles();

        assertThat(volume.read(content, 0, small.length).await().getBytes()).isEqualTo(small);
        assertThat(volume.read(content, 100, 50).await().getBytes()).isEqualTo(slice(small, 100, 50));
    }

    @Test
    void aSmallBlockReadOnceIsReadFromMemoryAfterwards() throws IOException {
        byte[] small = bytes(10_000);
        Content content = store(vfs.volume("main").await(), small);
        vfs.close().await();
        vfs = Vfs.open(vertx, options).await();
        Volume volume = vfs.volume("main").await();

        assertThat(volume.read(content, 0, 10).await().getBytes()).isEqualTo(slice(small, 0, 10));
        deleteBlockFiles();
        assertThat(volume.read(content, 0, small.length).await().getBytes()).isEqualTo(small);
    }

    @Test
    void aLargeBlockAlwaysComesFromTheStore() throws IOException {
        Volume volume = vfs.volume("main").await();
        Content content = store(volume, bytes(200_000));
        deleteBlockFiles();

        assertThatThrownBy(() -> volume.read(content, 0, 10).await()).isInstanceOf(VfsException.NotFound.class);
    }

    private static Content store(Volume volume, byte[] data) {
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(data)).await();
        return upload.finish().await();
    }

    private void deleteBlockFiles() {
        LocalBlocks.loseAll(dir.resolve("blobs"));
    }

    private static byte[] bytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }

    private static byte[] slice(byte[] data, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(data, offset, out, 0, length);
        return out;
    }
}
