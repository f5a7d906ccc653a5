package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.eventvfs.VfsStats;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.eventvfs.spi.StoredBlock;

/**
 * The block store as volumes use it, counting into {@link VfsStats} the content bytes stored and
 * read, and the puts and reads that failed (a missing block is an answer, not a failure).
 */
final class MeteredBlobStore implements BlobStore {
    private final BlobStore store;
    private final VfsStats stats;

    MeteredBlobStore(BlobStore store, VfsStats stats) {
        this.store = store;
        this.stats = stats;
    }

    @Override
    public Future<Boolean> contains(Sha256 hash) {
        return store.contains(hash);
    }

    @Override
    public Future<Sha256> put(Buffer block) {
        return counted(store.put(block)).onSuccess(stored -> stats.bytesStored(block.length()));
    }

    @Override
    public Future<Buffer> get(Sha256 hash, long offset, int length) {
        return counted(store.get(hash, offset, length)).onSuccess(read -> stats.bytesRead(read.length()));
    }

    private <T> Future<T> counted(Future<T> request) {
        return request.onFailure(failure -> {
            if (!(failure instanceof VfsException.NotFound)) {
                stats.storeFailed();
            }
        });
    }

    @Override
    public Future<Void> delete(Sha256 hash) {
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
        return store.close();
    }
}
