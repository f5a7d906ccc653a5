package org.eventvfs.impl;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * Reads a stream from a position to its end, page by page, handing each page to a consumer. The
 * next page is requested before the current one is consumed, so reading and decoding overlap with
 * applying.
 */
final class StreamReplay {
    static final int PAGE = 10_000;

    private StreamReplay() {
    }

    /** Replays from {@code after + 1}; answers the head reached (the last event's position and hash). */
    static Future<StreamHead> replay(EventStore store, String stream, StreamHead after,
                                     Consumer<List<EventEnvelope>> pages) {
        return consume(store, stream, after, store.read(stream, after.position() + 1, PAGE), pages);
    }

    private static Future<StreamHead> consume(EventStore store, String stream, StreamHead after,
                                              Future<List<EventEnvelope>> page, Consumer<List<EventEnvelope>> pages) {
        return page.compose(events -> {
            if (events.isEmpty()) {
                return Future.succeededFuture(after);
            }
            if (events.getFirst().position() != after.position() + 1) {
                return Future.failedFuture(new IllegalStateException("stream " + stream + " skips from "
                        + after.position() + " to " + events.getFirst().position()));
            }
            EventEnvelope last = events.getLast();
            Future<List<EventEnvelope>> next = store.read(stream, last.position() + 1, PAGE);
            pages.accept(events);
            return consume(store, stream, new StreamHead(last.position(), last.hash()), next, pages);
        });
    }
}
