package org.eventvfs.impl;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/** Reads a stream from a position to its end, page by page, handing each event to a consumer. */
final class StreamReplay {
    static final int PAGE = 10_000;

    private StreamReplay() {
    }

    /** Replays from {@code after + 1}; answers the head reached (the last event's position and hash). */
    static Future<StreamHead> replay(EventStore store, String stream, StreamHead after,
                                     Consumer<List<EventEnvelope>> pages) {
        return store.read(stream, after.position() + 1, PAGE).compose(events -> {
            if (events.isEmpty()) {
                return Future.succeededFuture(after);
            }
            EventEnvelope last = events.getLast();
            if (events.getFirst().position() != after.position() + 1) {
                return Future.failedFuture(new IllegalStateException("stream " + stream + " skips from "
                        + after.position() + " to " + events.getFirst().position()));
            }
            pages.accept(events);
            return replay(store, stream, new StreamHead(last.position(), last.hash()), pages);
        });
    }
}
