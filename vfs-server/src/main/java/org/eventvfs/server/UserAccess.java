package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.function.Function;
import org.eventvfs.domain.Actor;

/** Where {@code vfs user} makes its change: see {@link StoreAccess}. */
final class UserAccess {
    private UserAccess() {
    }

    /** Runs {@code work} on the users, directly or through the running server, and waits for it. */
    static <T> T run(ServerConfig config, Function<UserOperations, Future<T>> work) {
        Actor actor = Actor.cli(System.getProperty("user.name"));
        return StoreAccess.run(config, vfs -> work.apply(new UserAdministration(vfs, actor)), work::apply);
    }
}
