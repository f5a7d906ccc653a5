package org.eventvfs.testkit;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a Vert.x {@link Future} from a test thread, which is never an event loop. */
public final class Await {
    private static final long TIMEOUT_SECONDS = 60;

    private Await() {
    }

    /** The future's result; an unchecked failure is rethrown as it is. */
    public static <T> T result(Future<T> future) {
        try {
            return await(future);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new AssertionError("the future failed", e.getCause());
        }
    }

    /** The future's failure; an {@link AssertionError} if it succeeds. */
    public static Throwable failure(Future<?> future) {
        Object value;
        try {
            value = await(future);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, the future succeeded with " + value);
    }

    private static <T> T await(Future<T> future) throws ExecutionException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
