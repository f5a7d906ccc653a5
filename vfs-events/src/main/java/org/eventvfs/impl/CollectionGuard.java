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
import org.eventvfs.spi.StoredBlock;

/**
 * Keeps the garbage collector and this process's uploads from losing a block between them. A put
 * of a block already stored only refreshes its time, so a collector that listed the block as old
 * just before could still delete it just after, under an upload about to reference it. Each side
 * marks what it does, then looks at what the other marked: a delete of a block put since the
 * collection began is skipped, and a put that finds its block among those deleted stores it again
 * (its caller still holds the bytes). Whichever marks second sees the other's mark.
 */
final class CollectionGuard implements BlobStore {
    private final BlobStore store;
    private final Set<Sha256> putWhileCollecting = ConcurrentHashMap.newKeySet();
    /** The deletes of the collection running or last run, done or in flight. */
    private final Map<Sha256, Future<Boolean>> deletes = new ConcurrentHashMap<>();
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
        Promise<Boolean> done = Promise.promise();
        deletes.put(hash, done.future());
        if (putWhileCollecting.contains(hash)) {
            done.complete(false);
        } else {
            store.delete(hash).map(true).onComplete(done);
        }
        return done.future();
    }

    @Override
    public Future<Sha256> put(Buffer block) {
        return store.put(block).compose(hash -> {
            if (collecting) {
                putWhileCollecting.add(hash);
            }
            Future<Boolean> delete = deletes.get(hash);
            // Stored again only once the delete has landed, or the delete could land after it.
            return delete == null ? Future.succeededFuture(hash) : delete.transform(landed -> store.put(block));
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
    public Future<Void> close() {
        return store.close();
    }
}
