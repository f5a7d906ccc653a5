package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eventvfs.Upload;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;

/**
 * Cuts a byte stream into blocks of a fixed size, hashing each block and the whole as bytes
 * arrive (so no pass over the data is needed at the end), and stores full blocks while the next
 * one fills. At most {@link #MAX_BLOCKS_IN_FLIGHT} blocks wait for the store.
 */
final class BlockUpload implements Upload {
    static final int MAX_BLOCKS_IN_FLIGHT = 2;
    private static final int FIRST_CHUNK = 64 * 1024;

    private final BlobStore blobs;
    private final int blockSize;
    private final MessageDigest whole = Sha256.newDigest();
    private final MessageDigest block = Sha256.newDigest();
    private final List<BlockRef> blocks = new ArrayList<>();
    private final ArrayDeque<Future<Void>> inFlight = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int filled;
    private long size;
    private boolean finished;

    BlockUpload(BlobStore blobs, int blockSize) {
        this.blobs = blobs;
        this.blockSize = blockSize;
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (finished) {
            return Future.failedFuture(new IllegalStateException("the upload is finished"));
        }
        int offset = 0;
        while (offset < data.length()) {
            int n = Math.min(data.length() - offset, blockSize - filled);
            ensureCapacity(filled + n);
            data.getBytes(offset, offset + n, current, filled);
            whole.update(current, filled, n);
            block.update(current, filled, n);
            filled += n;
            offset += n;
            size += n;
            if (filled == blockSize) {
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
        if (filled > 0) {
            storeBlock();
        }
        Sha256 sha = Sha256.of(whole.digest());
        return Future.all(new ArrayList<>(inFlight)).map(all -> new Content(size, sha, blocks));
    }

    @Override
    public long size() {
        return size;
    }

    /** Small files get a small buffer; past it the block is sized once, not grown by doubling. */
    private void ensureCapacity(int needed) {
        if (needed > current.length) {
            int grown = needed <= FIRST_CHUNK ? FIRST_CHUNK : blockSize;
            current = Arrays.copyOf(current, Math.min(grown, blockSize));
        }
    }

    private void storeBlock() {
        byte[] bytes = filled == current.length ? current : Arrays.copyOf(current, filled);
        Sha256 hash = Sha256.of(block.digest());
        blocks.add(new BlockRef(hash, filled));
        inFlight.add(blobs.put(hash, Buffer.buffer(bytes)));
        current = new byte[0];
        filled = 0;
    }

    private Future<Void> backPressure() {
        while (!inFlight.isEmpty() && inFlight.peek().isComplete()) {
            Future<Void> done = inFlight.poll();
            if (done.failed()) {
                return done;
            }
        }
        if (inFlight.size() < MAX_BLOCKS_IN_FLIGHT) {
            return Future.succeededFuture();
        }
        return inFlight.peek().compose(v -> backPressure());
    }
}
