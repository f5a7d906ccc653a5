package org.eventvfs.spi;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;

/**
 * Verifies a stream's chain through {@link EventStore#read} alone, for stores that have no
 * verification of their own: positions gapless from 1, each event's hash recomputed from its
 * content, each previous hash the hash before, and the store's head the last event read.
 */
final class ChainReading {
    static final int PAGE = 1000;

    private final EventStore store;
    private final String stream;

    private ChainReading(EventStore store, String stream) {
        this.store = store;
        this.stream = stream;
    }

    static Future<ChainReport> verify(EventStore store, String stream) {
        return new ChainReading(store, stream).from(StreamHead.EMPTY);
    }

    private Future<ChainReport> from(StreamHead intact) {
        return page(intact.position() + 1).compose(read -> {
            StreamHead head = intact;
            for (EventEnvelope event : read.events()) {
                String problem = problemWith(event, head);
                if (problem != null) {
                    return Future.succeededFuture(ChainReport.broken(stream, head, problem));
                }
                head = new StreamHead(event.position(), event.hash());
            }
            if (read.problem() != null) {
                return Future.succeededFuture(ChainReport.broken(stream, head, read.problem()));
            }
            return read.events().size() < PAGE ? atEnd(head) : from(head);
        });
    }

    /**
     * The log ends at {@code head}: the store's own head must say the same. A head further on may
     * be an append that committed since the last read (a server runs), so the log is read on from
     * there before that counts as a problem.
     */
    private Future<ChainReport> atEnd(StreamHead head) {
        return store.head(stream).compose(stored -> stored.position() <= head.position()
                ? Future.succeededFuture(againstHead(head, stored))
                : store.read(stream, head.position() + 1, 1).compose(more -> !more.isEmpty() ? from(head)
                        : Future.succeededFuture(ChainReport.broken(stream, head, "the store's head is at position "
                                + stored.position() + " but no event is stored after position " + head.position()))));
    }

    private ChainReport againstHead(StreamHead head, StreamHead stored) {
        if (stored.position() == head.position() && !stored.hash().equals(head.hash())) {
            return ChainReport.broken(stream, head, "the store's head names hash " + stored.hash()
                    + " for position " + head.position() + ", not the hash of the event stored there");
        }
        return ChainReport.intact(stream, head);
    }

    private String problemWith(EventEnvelope event, StreamHead before) {
        long position = before.position() + 1;
        if (event.position() != position) {
            return "gap: position " + position + " is missing (the next stored event is at " + event.position() + ")";
        }
        if (!stream.equals(event.stream())) {
            return "the event names stream '" + event.stream() + "'";
        }
        if (!before.hash().equals(event.previousHash())) {
            return "broken link: the event's previous hash is not the hash of position " + before.position();
        }
        Sha256 computed = hashOf(event);
        if (!computed.equals(event.hash())) {
            return "hash mismatch: the event's content hashes to " + computed + ", not to its hash " + event.hash();
        }
        return null;
    }

    /** What sealing the event's content gives, as the writer computed it. */
    private static Sha256 hashOf(EventEnvelope e) {
        EventEnvelope unsealed = new EventEnvelope(e.stream(), e.position(), e.eventId(), e.commandId(), e.type(),
                e.schemaVersion(), e.timestamp(), e.actor(), e.previousHash(), null, e.payload());
        return Sha256.of(Sha256.newDigest().digest(EventCodec.encode(unsealed)));
    }

    /** Events that could be read, and why the next one could not (null if it could). */
    private record Page(List<EventEnvelope> events, String problem) {
    }

    /** A page from {@code position}; if it cannot be read whole, its events one by one up to the first that cannot. */
    private Future<Page> page(long position) {
        return store.read(stream, position, PAGE).transform((events, failure) -> failure == null
                ? Future.succeededFuture(new Page(events, null))
                : oneByOne(position, position + PAGE, new ArrayList<>()));
    }

    private Future<Page> oneByOne(long position, long end, List<EventEnvelope> read) {
        if (position == end) {
            return Future.succeededFuture(new Page(read, null));
        }
        return store.read(stream, position, 1).transform((events, failure) -> {
            if (failure != null) {
                return Future.succeededFuture(new Page(read, "unreadable event: " + failure.getMessage()));
            }
            if (events.isEmpty()) {
                return Future.succeededFuture(new Page(read, null));
            }
            read.add(events.getFirst());
            return oneByOne(position + 1, end, read);
        });
    }
}
