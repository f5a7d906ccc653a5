package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * Cuts a byte stream into blocks of a fixed size and stores full blocks while the next one fills;
 * the blob store hashes each block as it writes it, on its own threads, and the whole file's
 * digest takes in each block, in order, on a worker: the writer's thread only copies, since on an
 * SFTP channel it is the one thread every request of a transfer waits for. At most
 * {@link #MAX_BLOCKS_IN_FLIGHT} blocks wait for the store and the digest.
 *
 * <p>The first block's digest waits for a second block: a file of one block (every small file) has
 * the SHA-256 of that block, which the store answers anyway, so it is spared a second hash and a
 * hop to a worker.
 */
final class BlockUpload implements Upload {
    static final int MAX_BLOCKS_IN_FLIGHT = 2;

    private final Vertx vertx;
    private final BlobStore blobs;
    private final BlockBuffers buffers;
    /** Updated by one block's task at a time: each starts when the one before has completed. */
    private final MessageDigest whole = Sha256.newDigest();
    private final List<Future<BlockRef>> blocks = new ArrayList<>();
    private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
    private Future<Void> digested = Future.succeededFuture();
    /** The first block, until a second one makes the whole file's digest need it; then null. */
    private Buffer firstBlock;
    private long size;
    private boolean finished;

    BlockUpload(Vertx vertx, BlobStore blobs, int blockSize) {
        this.vertx = vertx;
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
        return Future.all(blocks).compose(all -> digested.map(v -> {
            List<BlockRef> refs = all.list();
            Sha256 digest = refs.size() == 1 ? refs.get(0).hash() : Sha256.of(whole.digest());
            return new Content(size, digest, refs);
        }));
    }

    @Override
    public long size() {
        return size;
    }

    private void storeBlock() {
        Buffer block = buffers.take();
        int length = block.length();
        Future<BlockRef> stored = blobs.put(block).map(hash -> new BlockRef(hash, length));
        blocks.add(stored);
        if (blocks.size() == 1) {
            firstBlock = block; // given back when digested, or dropped with the upload
            inFlight.add(stored);
            return;
        }
        if (firstBlock != null) {
            digest(firstBlock, blocks.get(0));
            firstBlock = null;
        }
        inFlight.add(digest(block, stored));
    }

    /** Takes a stored block into the whole file's digest, after the blocks before it; its buffer is then reused. */
    private Future<?> digest(Buffer block, Future<BlockRef> stored) {
        digested = digested.compose(v -> vertx.executeBlocking(() -> {
            whole.update(((BufferInternal) block).getByteBuf().nioBuffer());
            return null;
        }, false));
        Future<?> done = Future.all(stored, digested);
        done.onSuccess(both -> buffers.giveBack(block));
        return done;
    }

    private Future<Void> backPressure() {
        while (!inFlight.isEmpty() && inFlight.peek().isComplete()) {
            Future<?> done = inFlight.poll();
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
