package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.eventvfs.spi.StoredBlock;

/**
 * Keeps the garbage collector and this process's uploads from losing a block between them. A put
 * of a block already stored only refreshes its time, so a collector that listed the block as old
 * just before could still delete it just after, under an upload about to reference it. Each side
 * marks what it does, then looks at what the other marked: a delete of a block put since the
 * collection began is skipped, and a put that overlapped the delete of its block stores it again
 * once the delete has landed (its caller still holds the bytes). Whichever marks second sees the
 * other's mark.
 */
final class CollectionGuard implements BlobStore {
    private final BlobStore store;
    private final Set<Sha256> putWhileCollecting = ConcurrentHashMap.newKeySet();
    /**
     * The deletes of the collection running or last run, done or in flight, each completing with
     * the {@link System#nanoTime()} at which it landed, or {@link #NOT_DELETED} if it was skipped.
     */
    private final Map<Sha256, Future<Long>> deletes = new ConcurrentHashMap<>();
    private static final long NOT_DELETED = Long.MIN_VALUE;
    private volatile boolean collecting;

    CollectionGuard(BlobStore store) {
        this.store = store;
    }

    /** Call before listing the blocks to collect. */
    void beginCollection() {
        putWhileCollecting.clear();
        deletes.clear();
        collecting = true;
    }

    /** The puts since the collection began need no more marking; the deleted blocks stay marked. */
    void endCollection() {
        collecting = false;
        putWhileCollecting.clear();
    }

    /** Deletes the block unless it was put since the collection began; true if it deleted it. */
    Future<Boolean> collect(Sha256 hash) {
        Promise<Long> landed = Promise.promise();
        deletes.put(hash, landed.future());
        if (putWhileCollecting.contains(hash)) {
            landed.complete(NOT_DELETED);
        } else {
            store.delete(hash).map(v -> System.nanoTime()).onComplete(landed);
        }
        return landed.future().map(at -> at != NOT_DELETED);
    }

    /**
     * A put that began before a delete of its block landed may have found the block and left it be:
     * it stores the block again, once the delete has landed, or the delete could land after it. A
     * failed delete may have landed too.
     */
    @Override
    public Future<Sha256> put(Buffer block) {
        long started = System.nanoTime();
        return store.put(block).compose(hash -> {
            if (collecting) {
                putWhileCollecting.add(hash);
            }
            Future<Long> delete = deletes.get(hash);
            if (delete == null) {
                return Future.succeededFuture(hash);
            }
            return delete.transform(landed -> landed.succeeded()
                    && (landed.result() == NOT_DELETED || landed.result() - started < 0)
                    ? Future.succeededFuture(hash) : store.put(block));
        });
    }

    @Override
    public Future<Boolean> contains(Sha256 hash) {
        return store.contains(hash);
    }

    @Override
    public Future<Buffer> get(Sha256 hash, long offset, int length) {
        return store.get(hash, offset, length);
    }

    @Override
    public Future<Void> delete(Sha256 hash) {
        return collect(hash).mapEmpty();
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
