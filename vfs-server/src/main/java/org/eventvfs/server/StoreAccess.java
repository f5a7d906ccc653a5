package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.eventvfs.Vfs;
import org.eventvfs.impl.StoreVerification;

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

    /**
     * Runs {@code remote} through the admin socket of the server that holds the data folder; without
     * one, fails saying that {@code what} are a running server's.
     */
    static <T> T onRunningServer(ServerConfig config, String what, Function<AdminClient, Future<T>> remote) {
        return run(config, vfs -> Future.failedFuture(new CommandFailure("no server is running on " + config.data()
                + ": " + what + " are a running server's; start it with vfs run")), remote);
    }

    /**
     * As {@link #run}, but on the stores opened only to be read ({@link BareStores#openToVerify}):
     * for {@code vfs verify} and {@code vfs checkpoint}, which must change nothing they look at.
     */
    static <T> T verify(ServerConfig config, Function<StoreVerification, Future<T>> direct,
                        Function<AdminClient, Future<T>> remote) {
        BareStores stores;
        try {
            stores = BareStores.openToVerify(config);
        } catch (DataFolderInUse inUse) {
            Vertx vertx = Vertx.vertx();
            try {
                return throughServer(vertx, config, inUse, remote).await();
            } finally {
                vertx.close().await();
            }
        } catch (IOException e) {
            throw new CommandFailure("cannot lock the data folder " + config.dataFolder() + ": " + e.getMessage(), e);
        }
        try (stores) {
            return direct.apply(stores.verification()).await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
