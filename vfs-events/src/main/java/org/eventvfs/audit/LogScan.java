package org.eventvfs.audit;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;

/**
 * Reads a stretch of a volume's log page by page through {@link Volume#events}, so that a scan of
 * a large log holds one page at a time.
 */
final class LogScan {
    static final int PAGE = 1000;

    private LogScan() {
    }

    /**
     * Calls {@code visitor} with each event from {@code from} to {@code to} (inclusive, capped at
     * the head) until it returns false; completes with the position of the last event visited
     * (the one that returned false included), or {@code from - 1} if none was.
     */
    static Future<Long> forEach(Volume volume, long from, long to, Predicate<EventEnvelope> visitor) {
        return forEach(volume.position(), volume::events, from, to, visitor);
    }

    /** Reads a stream's events from {@code from} on, a page at a time. */
    interface Pages {
        Future<List<EventEnvelope>> read(long from, int max);
    }

    /** As {@link #forEach(Volume, long, long, Predicate)}, on any stream whose head is {@code head}. */
    static Future<Long> forEach(long head, Pages pages, long from, long to, Predicate<EventEnvelope> visitor) {
        long end = Math.min(to, head);
        if (from > end) {
            return Future.succeededFuture(from - 1);
        }
        int count = (int) Math.min(PAGE, end - from + 1);
        return pages.read(from, count).compose(page -> {
            long last = from - 1;
            for (EventEnvelope event : page) {
                last = event.position();
                if (!visitor.test(event)) {
                    return Future.succeededFuture(last);
                }
            }
            return page.isEmpty() || last >= end ? Future.succeededFuture(last)
                    : forEach(head, pages, last + 1, end, visitor);
        });
    }

    /** Calls {@code visitor} with each event from {@code from} (capped at the head) down to {@code to}. */
    static Future<Void> backward(Volume volume, long from, long to, Consumer<EventEnvelope> visitor) {
        long start = Math.min(from, volume.position());
        if (start < to) {
            return Future.succeededFuture();
        }
        long first = Math.max(to, start - PAGE + 1);
        return volume.events(first, (int) (start - first + 1)).compose(page -> {
            for (int i = page.size() - 1; i >= 0; i--) {
                visitor.accept(page.get(i));
            }
            return page.isEmpty() || first <= to ? Future.succeededFuture() : backward(volume, first - 1, to, visitor);
        });
    }
}
