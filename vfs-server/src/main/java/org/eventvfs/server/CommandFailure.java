package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.function.Function;

/** A failure the user can act on; its message alone says what failed and why, in one line. */
final class CommandFailure extends RuntimeException {
    CommandFailure(String message) {
        super(message);
    }

    /** Keeps {@code cause} for {@code --verbose}. */
    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** For {@code future.recover(...)}: fails with "{@code what}: the cause's one line". */
    static <T> Function<Throwable, Future<T>> during(String what) {
        return cause -> Future.failedFuture(new CommandFailure(what + ": " + FailureReporter.oneLine(cause), cause));
    }
}
