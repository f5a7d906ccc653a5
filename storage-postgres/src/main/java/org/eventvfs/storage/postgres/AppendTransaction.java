package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.EventBatch;

/**
 * The statements of one append, run in one transaction: the guarded move of the stream's head
 * first (it waits for an append in flight on the same stream and refuses a stale one), then the
 * events, the commands, and the tree rows derived from the events. The events, the commands and each
 * run of created nodes go as one multi-row insert each, other runs of the same statement as one
 * batch.
 *
 * <p>{@code BEGIN}, the statements and {@code COMMIT} are sent at once, none waiting for the answer
 * to the one before (pipelining), so the database goes from the last insert straight to the commit
 * while the next append waits for the head's lock. If a statement fails, PostgreSQL refuses every
 * later one of the transaction and turns its {@code COMMIT} into a rollback, so the transaction
 * counts as committed only if every statement and the {@code COMMIT} succeeded.
 */
final class AppendTransaction {
    private final List<SqlStep.Run> runs = new ArrayList<>();
    private final Promise<Void> headMoved = Promise.promise();

    AppendTransaction(String stream, long expectedHead, List<EventBatch> batches) {
        List<SqlStep> steps = new ArrayList<>();
        steps.add(new SqlStep(EventRows.ADVANCE_HEAD, EventRows.advanceHead(stream, expectedHead, batches)));
        if (expectedHead == 0 && batches.getFirst().events().getFirst().payload() instanceof VolumeEvent) {
            steps.add(TreeRows.root(stream));
        }
        List<SqlStep> commands = new ArrayList<>(batches.size());
        List<SqlStep> tree = new ArrayList<>();
        for (EventBatch batch : batches) {
            for (int i = 0; i < batch.events().size(); i++) {
                EventEnvelope e = batch.events().get(i);
                steps.add(new SqlStep(EventRows.INSERT_EVENTS, EventRows.event(e, batch.json().get(i))));
                if (e.payload() instanceof VolumeEvent event) {
                    tree.addAll(TreeRows.of(stream, e.position(), event));
                }
            }
            commands.add(new SqlStep(EventRows.INSERT_COMMANDS, EventRows.command(stream, batch)));
        }
        steps.addAll(commands);
        steps.addAll(tree);
        int i = 0;
        while (i < steps.size()) {
            SqlStep.Statement statement = steps.get(i).statement();
            List<Tuple> run = new ArrayList<>();
            for (; i < steps.size() && steps.get(i).statement() == statement; i++) {
                run.add(steps.get(i).arguments());
            }
            runs.add(statement.run(run));
        }
    }

    /**
     * Completes once the head has moved (the transaction then holds the head's row lock, so the
     * next append, sent now, waits for this one to commit instead of being refused) or the
     * statement that moves it has failed, or, if it was never sent (no connection), once
     * {@link #ended()} is called.
     */
    Future<Void> headMoved() {
        return headMoved.future();
    }

    /** The transaction is over, committed or not. */
    void ended() {
        headMoved.tryComplete();
    }

    /** Runs the transaction on {@code connection}; fails with the first failure of its statements. */
    Future<Void> run(SqlConnection connection) {
        List<Future<?>> sent = new ArrayList<>(runs.size() + 2);
        sent.add(connection.query("BEGIN").execute());
        runs.forEach(run -> sent.add(run.send(connection)));
        sent.add(connection.query("COMMIT").execute());
        sent.get(1).onComplete(ar -> headMoved.tryComplete());
        return Future.join(sent).transform(ar -> {
            for (Future<?> step : sent) {
                if (step.failed()) {
                    return Future.failedFuture(step.cause());
                }
            }
            return Future.succeededFuture();
        });
    }
}
