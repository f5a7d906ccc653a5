package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.eventvfs.Vfs;

/**
 * Where an administrative command does its work: on the data folder's stores directly when no
 * server holds them, else through the running server's admin socket, so that the server, which
 * alone may write the stores, does it and honours it at once.
 */
final class StoreAccess {
    private StoreAccess() {
    }

    /**
     * Runs {@code direct} on the opened stores, or {@code remote} through the admin socket if a
     * server holds the data folder, on a Vert.x instance of its own, and waits: commands end when it does.
     */
    static <T> T run(ServerConfig config, Function<Vfs, Future<T>> direct, Function<AdminClient, Future<T>> remote) {
        Vertx vertx = Vertx.vertx();
        try {
            return LockedStores.open(vertx, config).transform((stores, failure) -> {
                if (failure == null) {
                    return direct.apply(stores.vfs()).eventually(stores::close);
                }
                if (failure instanceof DataFolderInUse inUse) {
                    return throughServer(vertx, config, inUse, remote);
                }
                return Future.<T>failedFuture(failure);
            }).await();
        } finally {
            vertx.close().await();
        }
    }

    private static <T> Future<T> throughServer(Vertx vertx, ServerConfig config, DataFolderInUse inUse,
                                               Function<AdminClient, Future<T>> work) {
        AdminClient client = new AdminClient(vertx, config.adminSocket());
        return work.apply(client)
                .recover(failure -> failure instanceof CommandFailure ? Future.failedFuture(failure)
                        : CommandFailure.<T>during(inUse.getMessage() + ", but its admin socket "
                        + config.adminSocket() + " does not answer").apply(failure))
                .eventually(client::close);
    }
}
