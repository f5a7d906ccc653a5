package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts that have started, stopped in reverse order. A part that fails to stop is logged and
 * the rest still stop, so that the data folder's lock is released whatever happened before.
 */
final class StopSequence {
    private static final Logger LOG = LoggerFactory.getLogger(StopSequence.class);

    private final Deque<Part> started = new ArrayDeque<>();

    private record Part(String name, Supplier<Future<?>> stop) {
    }

    synchronized void add(String name, Supplier<Future<?>> stop) {
        started.push(new Part(name, stop));
    }

    /** Stops every part, the last started first; fails if any part failed to stop. */
    Future<Void> stopAll() {
        return stopNext(false);
    }

    private Future<Void> stopNext(boolean anyFailed) {
        Part part;
        synchronized (this) {
            part = started.poll();
        }
        if (part == null) {
            return anyFailed ? Future.failedFuture(new CommandFailure("some parts did not stop cleanly; see the log"))
                    : Future.succeededFuture();
        }
        return stop(part).transform(result -> {
            if (result.failed()) {
                LOG.error("{} did not stop cleanly: {}", part.name(), FailureReporter.oneLine(result.cause()),
                        result.cause());
            }
            return stopNext(anyFailed || result.failed());
        });
    }

    private static Future<?> stop(Part part) {
        try {
            return part.stop().get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
