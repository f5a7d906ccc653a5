package org.eventvfs.spi;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.eventvfs.domain.EventEnvelope;

/**
 * An append-only store of event streams (one per volume, plus the account stream). Each stream has
 * gapless positions from 1. Implementations must never block the calling event-loop thread.
 */
public interface EventStore {
    /** The names of the streams that hold at least one event. */
    Future<List<String>> streams();

    /** The stream's newest position and hash; position 0 and {@link EventEnvelope#GENESIS} if empty. */
    Future<StreamHead> head(String stream);

    /**
     * The bytes the stream's events take in the store, 0 for an empty stream: cheap enough to ask
     * for every stream on each stats request. Each store says what it counts.
     */
    Future<Long> size(String stream);

    /**
     * Appends the batches after {@code expectedHead}, each batch all or nothing, and completes only
     * when they are durable. A crash may keep a prefix of the batches, never part of one. Fails
     * with {@link AppendConflict} if the stream's head is not {@code expectedHead}.
     */
    Future<Void> append(String stream, long expectedHead, List<EventBatch> batches);

    /** Up to {@code maxEvents} events from {@code fromPosition} on, in order; empty past the head. */
    Future<List<EventEnvelope>> read(String stream, long fromPosition, int maxEvents);

    /**
     * Tells {@code moved} (on any thread) the stream and head position of appends that other
     * processes may have made, soon after they are durable; a null stream and position -1 mean "any
     * stream may have moved" (after a lost connection is back). Readers then catch up by position with
     * {@link #read}, so a missed or late notice never skips an event. A store that only this process
     * writes to never calls it. Ends when the store is closed.
     */
    default Future<Void> watch(ObjLongConsumer<String> moved) {
        return Future.succeededFuture();
    }

    /**
     * Re-reads the stream from position 1 and checks that positions are gapless, that each event's
     * hash recomputes from its content and that each links to the one before; the report names the
     * first position that does not check out. Stores that can say more about damage (the byte
     * where a frame cannot be read) override it.
     */
    default Future<ChainReport> verifyChain(String stream) {
        return ChainReading.verify(this, stream);
    }

    /** Releases files, connections and locks. */
    Future<Void> close();
}
