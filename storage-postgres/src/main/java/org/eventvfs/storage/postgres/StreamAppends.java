package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eventvfs.spi.EventBatch;

/**
 * The appends to one stream, in call order. A transaction is sent once the one before it holds the
 * head's row lock, so it waits for that one to commit (its statements overlapping the other's
 * commit) and is never refused for having overtaken it. Appends that queue meanwhile, each
 * continuing the one before, go together in the next transaction: one commit for all of them, as
 * the embedded log writes everything that queued during a sync with one fsync. The appends of a
 * transaction succeed or fail together; a failed one takes nothing with it that a later one needs,
 * since each expects the head the one before would have left.
 */
final class StreamAppends {
    private final String stream;
    private final Pool pool;
    private final Function<Throwable, Function<Long, Throwable>> failures;
    private final ArrayDeque<Queued> queued = new ArrayDeque<>();
    private boolean waitingForHead;

    /** @param failures what a failure of the transaction becomes for an append expecting a head */
    StreamAppends(String stream, Pool pool, Function<Throwable, Function<Long, Throwable>> failures) {
        this.stream = stream;
        this.pool = pool;
        this.failures = failures;
    }

    private record Queued(long expectedHead, List<EventBatch> batches, Promise<Void> done) {
        long lastPosition() {
            return batches.getLast().lastPosition();
        }
    }

    synchronized Future<Void> submit(long expectedHead, List<EventBatch> batches) {
        Queued append = new Queued(expectedHead, batches, Promise.promise());
        queued.add(append);
        if (!waitingForHead) {
            sendQueued();
        }
        return append.done.future();
    }

    /** Sends the queued appends that continue each other as one transaction. */
    private void sendQueued() {
        List<Queued> group = new ArrayList<>();
        List<EventBatch> batches = new ArrayList<>();
        do {
            Queued next = queued.poll();
            group.add(next);
            batches.addAll(next.batches);
        } while (!queued.isEmpty() && queued.peek().expectedHead == group.getLast().lastPosition());
        AppendTransaction transaction = new AppendTransaction(stream, group.getFirst().expectedHead, batches);
        waitingForHead = true;
        transaction.headMoved().onComplete(ar -> headMoved());
        pool.withConnection(transaction::run).onComplete(ar -> {
            transaction.ended();
            for (Queued append : group) {
                if (ar.succeeded()) {
                    append.done.complete();
                } else {
                    append.done.fail(failures.apply(ar.cause()).apply(append.expectedHead));
                }
            }
        });
    }

    private synchronized void headMoved() {
        waitingForHead = false;
        if (!queued.isEmpty()) {
            sendQueued();
        }
    }
}
