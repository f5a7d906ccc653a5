package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import org.eventvfs.StagedFile;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;

/**
 * A {@link StagedFile} in a temporary file. The initial content is copied in only at the first
 * change (reads before that go to the blocks), so opening a file for writing costs nothing until
 * it is written. Calls must not overlap.
 */
final class TempStagedFile implements StagedFile {
    private static final int SEAL_CHUNK = 1024 * 1024;

    private final Vertx vertx;
    private final Path directory;
    private final ContentReader reader;
    private final Supplier<BlockUpload> uploads;
    private final Content initial;
    private FileChannel channel;
    private Path file;
    private long size;

    TempStagedFile(Vertx vertx, Path directory, ContentReader reader, Supplier<BlockUpload> uploads,
                   Content initial) {
        this.vertx = vertx;
        this.directory = directory;
        this.reader = reader;
        this.uploads = uploads;
        this.initial = initial;
        this.size = initial.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Future<Void> write(long offset, Buffer data) {
        return materialized(true).compose(v -> blocking(() -> {
            channel.write(ByteBuffer.wrap(data.getBytes()), offset);
            size = Math.max(size, offset + data.length());
            return null;
        }));
    }

    @Override
    public Future<Buffer> read(long offset, int length) {
        if (channel == null) {
            return reader.read(initial, offset, length);
        }
        return blocking(() -> {
            int n = (int) Math.max(0, Math.min(length, size - offset));
            ByteBuffer into = ByteBuffer.allocate(n);
            while (into.hasRemaining() && channel.read(into, offset + into.position()) > 0) {
                continue;
            }
            into.flip();
            return Buffer.buffer(into.array()).slice(0, into.limit());
        });
    }

    @Override
    public Future<Void> truncate(long newSize) {
        return materialized(newSize > 0).compose(v -> blocking(() -> {
            if (newSize < size) {
                channel.truncate(newSize);
            } else if (newSize > size) {
                channel.write(ByteBuffer.wrap(new byte[1]), newSize - 1);
            }
            size = newSize;
            return null;
        }));
    }

    @Override
    public Future<Content> seal() {
        if (channel == null) {
            return Future.succeededFuture(initial);
        }
        BlockUpload upload = uploads.get();
        return sealFrom(upload, 0).compose(v -> upload.finish());
    }

    @Override
    public Future<Void> discard() {
        if (channel == null) {
            return Future.succeededFuture();
        }
        return blocking(() -> {
            channel.close();
            Files.deleteIfExists(file);
            channel = null;
            return null;
        });
    }

    private Future<Void> sealFrom(BlockUpload upload, long offset) {
        if (offset >= size) {
            return Future.succeededFuture();
        }
        return read(offset, (int) Math.min(SEAL_CHUNK, size - offset))
                .compose(upload::write)
                .compose(v -> sealFrom(upload, offset + SEAL_CHUNK));
    }

    /** Creates the temporary file, with the initial content unless {@code keepContent} is false. */
    private Future<Void> materialized(boolean keepContent) {
        if (channel != null) {
            return Future.succeededFuture();
        }
        Future<Void> created = blocking(() -> {
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "staged-", ".part");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return null;
        });
        if (!keepContent) {
            return created.onSuccess(v -> size = 0);
        }
        return created.compose(v -> copyBlocks(0, 0));
    }

    private Future<Void> copyBlocks(int index, long offset) {
        if (index >= initial.blocks().size()) {
            return Future.succeededFuture();
        }
        BlockRef block = initial.blocks().get(index);
        return reader.read(initial, offset, block.size())
                .compose(data -> blocking(() -> {
                    channel.write(ByteBuffer.wrap(data.getBytes()), offset);
                    return null;
                }))
                .compose(v -> copyBlocks(index + 1, offset + block.size()));
    }

    private <T> Future<T> blocking(IoAction<T> action) {
        return vertx.executeBlocking(() -> {
            try {
                return action.run();
            } catch (IOException e) {
                throw new UncheckedIOException("staged file " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }
}
