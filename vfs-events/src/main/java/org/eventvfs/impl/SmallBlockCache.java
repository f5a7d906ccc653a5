package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.eventvfs.spi.StoredBlock;

/**
 * Keeps the small blocks most recently stored or read in memory, in front of the blob store, so
 * that reading a small file needs no trip to the store's threads (or, for S3, to the network).
 * A block never changes once stored (its name is its hash), so nothing cached can be stale; a
 * delete evicts. Blocks of {@link #MAX_BLOCK} bytes or more, the bulk of large files, pass through.
 */
final class SmallBlockCache implements BlobStore {
    static final int MAX_BLOCK = 64 * 1024;

    private final BlobStore store;
    private final long capacity;
    private final LinkedHashMap<Sha256, Buffer> blocks = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedBytes;

    /** @param capacity the most bytes kept; the least recently used blocks go first */
    SmallBlockCache(BlobStore store, long capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    @Override
    public Future<Boolean> contains(Sha256 hash) {
        return cached(hash) != null ? Future.succeededFuture(true) : store.contains(hash);
    }

    @Override
    public Future<Sha256> put(Buffer block) {
        // The caller may reuse its buffer once the put completes: keep a copy.
        Buffer copy = block.length() < MAX_BLOCK ? block.copy() : null;
        Future<Sha256> stored = store.put(block);
        return copy == null ? stored : stored.onSuccess(hash -> remember(hash, copy));
    }

    /**
     * A miss at offset 0 asks the store for up to {@link #MAX_BLOCK} bytes: a block shorter than
     * that came back whole and is kept; the answer is cut to what was asked.
     */
    @Override
    public Future<Buffer> get(Sha256 hash, long offset, int length) {
        Buffer block = cached(hash);
        if (block != null) {
            return Future.succeededFuture(slice(block, offset, length));
        }
        if (offset != 0 || length >= MAX_BLOCK) {
            return store.get(hash, offset, length);
        }
        return store.get(hash, 0, MAX_BLOCK).map(read -> {
            if (read.length() < MAX_BLOCK) {
                remember(hash, read);
            }
            return slice(read, 0, length);
        });
    }

    @Override
    public Future<Void> delete(Sha256 hash) {
        forget(hash);
        return store.delete(hash);
    }

    @Override
    public Future<List<StoredBlock>> list() {
        return store.list();
    }

    @Override
    public Future<BlobUsage> usage() {
        return store.usage();
    }

    @Override
    public Future<Void> close() {
        synchronized (blocks) {
            blocks.clear();
            cachedBytes = 0;
        }
        return store.close();
    }

    private static Buffer slice(Buffer block, long offset, int length) {
        int from = (int) Math.min(offset, block.length());
        int to = (int) Math.min((long) from + length, block.length());
        return block.getBuffer(from, to);
    }

    private Buffer cached(Sha256 hash) {
        synchronized (blocks) {
            return blocks.get(hash);
        }
    }

    private void remember(Sha256 hash, Buffer block) {
        synchronized (blocks) {
            Buffer previous = blocks.put(hash, block);
            cachedBytes += block.length() - (previous == null ? 0 : previous.length());
            Iterator<Map.Entry<Sha256, Buffer>> eldest = blocks.entrySet().iterator();
            while (cachedBytes > capacity && eldest.hasNext()) {
                cachedBytes -= eldest.next().getValue().length();
                eldest.remove();
            }
        }
    }

    /** Drops the block from memory, for a delete made behind the cache's back. */
    void evict(Sha256 hash) {
        forget(hash);
    }

    private void forget(Sha256 hash) {
        synchronized (blocks) {
            Buffer removed = blocks.remove(hash);
            if (removed != null) {
                cachedBytes -= removed.length();
            }
        }
    }
}
