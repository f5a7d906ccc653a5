package org.eventvfs.storage.s3;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * At most a fixed number of transfers at once; the others wait their turn in order. Each transfer
 * holds at most one block, so this bounds the memory that the store's requests pin.
 */
final class TransferSlots {
    private final int slots;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    TransferSlots(int slots) {
        this.slots = slots;
    }

    /** Starts {@code transfer} when a slot is free and answers its outcome. */
    <T> Future<T> run(Supplier<Future<T>> transfer) {
        Promise<T> done = Promise.promise();
        Runnable start = () -> {
            Future<T> started;
            try {
                started = transfer.get();
            } catch (RuntimeException e) {
                started = Future.failedFuture(e);
            }
            started.onComplete(outcome -> {
                release();
                done.handle(outcome);
            });
        };
        if (acquire(start)) {
            start.run();
        }
        return done.future();
    }

    /** True if a slot was free and is now taken; otherwise {@code start} waits for one. */
    private synchronized boolean acquire(Runnable start) {
        if (running < slots) {
            running++;
            return true;
        }
        waiting.add(start);
        return false;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    synchronized int running() {
        return running;
    }
}
