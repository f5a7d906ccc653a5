package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.function.Function;

/** Where {@code vfs log}, {@code history} and {@code cat} read: see {@link StoreAccess}. */
final class AuditAccess {
    private AuditAccess() {
    }

    /** Runs {@code work} on the stores or through the running server, and waits for it. */
    static <T> T run(ServerConfig config, Function<AuditOperations, Future<T>> work) {
        return StoreAccess.run(config, vfs -> work.apply(new AuditAdministration(vfs)), work::apply);
    }
}
