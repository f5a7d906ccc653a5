package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.eventvfs.Vfs;

/**
 * The data folder's lock and the {@link Vfs} on its stores, taken and released together: no
 * process opens the stores without holding the lock, and none keeps the lock after closing them.
 */
final class LockedStores {
    private final Vertx vertx;
    private final DataFolderLock lock;
    private final Vfs vfs;

    private LockedStores(Vertx vertx, DataFolderLock lock, Vfs vfs) {
        this.vertx = vertx;
        this.lock = lock;
        this.vfs = vfs;
    }

    /** Takes the lock and opens the stores; fails with {@link DataFolderInUse} if the lock is held. */
    static Future<LockedStores> open(Vertx vertx, ServerConfig config) {
        return vertx.executeBlocking(() -> DataFolderLock.acquire(config.dataFolder()))
                .recover(failure -> failure instanceof DataFolderInUse ? Future.failedFuture(failure)
                        : CommandFailure.<DataFolderLock>during("cannot lock the data folder " + config.dataFolder())
                        .apply(failure))
                .compose(lock -> Vfs.open(vertx, config.vfsOptions())
                        .recover(CommandFailure.during("cannot open the stores (events "
                                + ConfigValues.shown(config.events()) + ", blobs " + ConfigValues.shown(config.blobs())
                                + ")"))
                        .recover(failure -> release(vertx, lock).transform(released -> Future.failedFuture(failure)))
                        .map(vfs -> new LockedStores(vertx, lock, vfs)));
    }

    Vfs vfs() {
        return vfs;
    }

    /** Closes the stores (which snapshots the loaded volumes), then releases the lock. */
    Future<Void> close() {
        return vfs.close().eventually(() -> release(vertx, lock));
    }

    private static Future<Void> release(Vertx vertx, DataFolderLock lock) {
        return vertx.executeBlocking(() -> {
            lock.close();
            return null;
        });
    }
}
