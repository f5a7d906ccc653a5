package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Upload;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;

/**
 * Cuts a byte stream into blocks of a fixed size, hashing the whole as bytes arrive (so no pass
 * over the data is needed at the end), and stores full blocks while the next one fills; the blob
 * store hashes each block as it writes it, on its own threads. At most
 * {@link #MAX_BLOCKS_IN_FLIGHT} blocks wait for the store.
 */
final class BlockUpload implements Upload {
    static final int MAX_BLOCKS_IN_FLIGHT = 2;

    private final BlobStore blobs;
    private final BlockBuffers buffers;
    private final MessageDigest whole = Sha256.newDigest();
    private final List<Future<BlockRef>> blocks = new ArrayList<>();
    private final ArrayDeque<Future<BlockRef>> inFlight = new ArrayDeque<>();
    private long size;
    private boolean finished;

    BlockUpload(BlobStore blobs, int blockSize) {
        this.blobs = blobs;
        this.buffers = new BlockBuffers(blockSize);
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (finished) {
            return Future.failedFuture(new IllegalStateException("the upload is finished"));
        }
        int offset = 0;
        while (offset < data.length()) {
            int n = buffers.append(data, offset);
            offset += n;
            size += n;
            if (buffers.isFull()) {
                storeBlock();
            }
        }
        return backPressure();
    }

    @Override
    public Future<Content> finish() {
        if (finished) {
            return Future.failedFuture(new IllegalStateException("the upload is finished"));
        }
        finished = true;
        if (buffers.filled() > 0) {
            storeBlock();
        }
        Sha256 sha = Sha256.of(whole.digest());
        return Future.all(blocks).map(all -> new Content(size, sha, all.<BlockRef>list()));
    }

    @Override
    public long size() {
        return size;
    }

    private void storeBlock() {
        Buffer block = buffers.take();
        whole.update(((BufferInternal) block).getByteBuf().nioBuffer());
        int length = block.length();
        Future<BlockRef> stored = blobs.put(block).map(hash -> new BlockRef(hash, length));
        stored.onSuccess(ref -> buffers.giveBack(block));
        blocks.add(stored);
        inFlight.add(stored);
    }

    private Future<Void> backPressure() {
        while (!inFlight.isEmpty() && inFlight.peek().isComplete()) {
            Future<BlockRef> done = inFlight.poll();
            if (done.failed()) {
                return done.mapEmpty();
            }
        }
        if (inFlight.size() < MAX_BLOCKS_IN_FLIGHT) {
            return Future.succeededFuture();
        }
        return inFlight.peek().compose(v -> backPressure());
    }
}
