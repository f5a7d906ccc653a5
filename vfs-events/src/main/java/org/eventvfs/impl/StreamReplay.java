package org.eventvfs.impl;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * Reads a stream from a position to its end, page by page, handing each page to a consumer. The
 * next {@link #READ_AHEAD} pages are requested before a page is consumed, so reading and decoding
 * (on the store's threads) overlap with applying, and use every core.
 */
final class StreamReplay {
    static final int PAGE = 10_000;
    static final int READ_AHEAD = 2;

    private StreamReplay() {
    }

    /** Replays from {@code after + 1}; answers the head reached (the last event's position and hash). */
    static Future<StreamHead> replay(EventStore store, String stream, StreamHead after,
                                     Consumer<List<EventEnvelope>> pages) {
        ArrayDeque<Future<List<EventEnvelope>>> ahead = new ArrayDeque<>();
        long first = after.position() + 1;
        for (int i = 0; i <= READ_AHEAD; i++) {
            ahead.add(store.read(stream, first + (long) i * PAGE, PAGE));
        }
        return consume(store, stream, after, first + (long) (READ_AHEAD + 1) * PAGE, ahead, pages);
    }

    private static Future<StreamHead> consume(EventStore store, String stream, StreamHead after, long nextRead,
                                              ArrayDeque<Future<List<EventEnvelope>>> ahead,
                                              Consumer<List<EventEnvelope>> pages) {
        return ahead.poll().compose(events -> {
            if (events.isEmpty()) {
                return Future.succeededFuture(after);
            }
            if (events.getFirst().position() != after.position() + 1) {
                return Future.failedFuture(new IllegalStateException("stream " + stream + " skips from "
                        + after.position() + " to " + events.getFirst().position()));
            }
            EventEnvelope last = events.getLast();
            if (events.size() < PAGE) {
                pages.accept(events);
                return Future.succeededFuture(new StreamHead(last.position(), last.hash()));
            }
            ahead.add(store.read(stream, nextRead, PAGE));
            pages.accept(events);
            return consume(store, stream, new StreamHead(last.position(), last.hash()), nextRead + PAGE, ahead,
                    pages);
        });
    }
}
