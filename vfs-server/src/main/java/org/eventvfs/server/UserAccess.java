package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;
import org.eventvfs.domain.Actor;

/**
 * Where {@code vfs user} makes its change: on the data folder's stores directly when no server
 * holds them, else through the running server's admin socket, so the server honours it at once.
 */
final class UserAccess {
    private UserAccess() {
    }

    /** Runs {@code work} on a Vert.x instance of its own and waits for it: commands end when it does. */
    static <T> T run(ServerConfig config, Function<UserOperations, Future<T>> work) {
        Vertx vertx = Vertx.vertx();
        try {
            return withUsers(vertx, config, work).await();
        } finally {
            vertx.close().await();
        }
    }

    private static <T> Future<T> withUsers(Vertx vertx, ServerConfig config, Function<UserOperations, Future<T>> work) {
        return LockedStores.open(vertx, config).transform((stores, failure) -> {
            if (failure == null) {
                Actor actor = Actor.cli(System.getProperty("user.name"));
                return work.apply(new UserAdministration(stores.vfs(), actor)).eventually(stores::close);
            }
            if (failure instanceof DataFolderInUse inUse) {
                return throughServer(vertx, config, inUse, work);
            }
            return Future.failedFuture(failure);
        });
    }

    private static <T> Future<T> throughServer(Vertx vertx, ServerConfig config, DataFolderInUse inUse,
                                               Function<UserOperations, Future<T>> work) {
        AdminClient client = new AdminClient(vertx, config.adminSocket());
        return work.apply(client)
                .recover(failure -> failure instanceof CommandFailure ? Future.failedFuture(failure)
                        : CommandFailure.<T>during(inUse.getMessage() + ", but its admin socket "
                        + config.adminSocket() + " does not answer").apply(failure))
                .eventually(client::close);
    }
}
