package org.eventvfs.storage.local;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventvfs.spi.EventBatch;

/**
 * Appends waiting for the store's writer thread. Whatever queued while the previous write and sync
 * ran is taken at once, and consecutive appends to one stream that continue each other are written
 * with one write and one sync: the group commit at the disk, under the writer's at the command.
 */
final class AppendQueue {
    /** Writes batches after {@code expectedHead} with one sync; throws to refuse them all. */
    interface Sink {
        void append(String stream, long expectedHead, List<EventBatch> batches) throws Exception;
    }

    private record Request(String stream, long expectedHead, List<EventBatch> batches, Promise<Void> promise) {
        long end() {
            return batches.isEmpty() ? expectedHead : batches.getLast().lastPosition();
        }
    }

    private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final WorkerExecutor writer;
    private final Sink sink;

    AppendQueue(WorkerExecutor writer, Sink sink) {
        this.writer = writer;
        this.sink = sink;
    }

    Future<Void> submit(String stream, long expectedHead, List<EventBatch> batches) {
        Promise<Void> promise = Promise.promise();
        queue.add(new Request(stream, expectedHead, List.copyOf(batches), promise));
        schedule();
        return promise.future();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            writer.<Void>executeBlocking(() -> {
                drain();
                return null;
            }, false).onComplete(ar -> {
                scheduled.set(false);
                if (!queue.isEmpty()) {
                    schedule();
                }
            });
        }
    }

    private void drain() {
        List<Request> taken = new ArrayList<>();
        for (Request r = queue.poll(); r != null; r = queue.poll()) {
            taken.add(r);
        }
        int first = 0;
        while (first < taken.size()) {
            int next = first + 1;
            while (next < taken.size() && continues(taken.get(next - 1), taken.get(next))) {
                next++;
            }
            write(taken.subList(first, next));
            first = next;
        }
    }

    private static boolean continues(Request before, Request after) {
        return after.stream.equals(before.stream) && after.expectedHead == before.end();
    }

    private void write(List<Request> group) {
        List<EventBatch> batches = new ArrayList<>();
        group.forEach(r -> batches.addAll(r.batches));
        try {
            sink.append(group.getFirst().stream, group.getFirst().expectedHead, batches);
            group.forEach(r -> r.promise.complete());
        } catch (Throwable e) {
            group.forEach(r -> r.promise.fail(e));
        }
    }
}
