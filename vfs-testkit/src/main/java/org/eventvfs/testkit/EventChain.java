package org.eventvfs.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.StreamHead;

/**
 * Sealed events for one stream, each chained to the one before, as a volume writer makes them:
 * what store tests append. Not thread-safe.
 */
public final class EventChain {
    /** The actor of every event in the chain. */
    public static final Actor ACTOR = new Actor("alice", "sftp", "192.0.2.7", "s-1", "OpenSSH_9.6");
    private static final long EPOCH = 1_795_000_000_000L;

    private final String stream;
    private long position;
    private Sha256 hash;

    public EventChain(String stream) {
        this(stream, new StreamHead(0, EventEnvelope.GENESIS));
    }

    /** A chain that continues a stream whose newest event is {@code head}. */
    public EventChain(String stream, StreamHead head) {
        this.stream = stream;
        this.position = head.position();
        this.hash = head.hash();
    }

    /** One command's batch of {@code count} {@link VolumeEvent.DirectoryCreated} events. */
    public EventBatch batch(int count) {
        List<EventPayload> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long node = position + i + 2;
            payloads.add(new VolumeEvent.DirectoryCreated(node, 1, "dir-" + node, 0755, "alice", EPOCH + node));
        }
        return batch(payloads.toArray(EventPayload[]::new));
    }

    /** One command's batch holding these payloads, in order. */
    public EventBatch batch(EventPayload... payloads) {
        UUID command = UUID.randomUUID();
        List<EventEnvelope> events = new ArrayList<>(payloads.length);
        for (EventPayload payload : payloads) {
            position++;
            EventEnvelope event = EventCodec.seal(stream, position, command, EPOCH + position, ACTOR, hash, payload);
            hash = event.hash();
            events.add(event);
        }
        return new EventBatch(command, events);
    }

    /** {@code batches} batches of {@code eventsEach} events each. */
    public List<EventBatch> batches(int batches, int eventsEach) {
        List<EventBatch> list = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            list.add(batch(eventsEach));
        }
        return list;
    }

    /** The position and hash of the newest event made so far. */
    public StreamHead head() {
        return new StreamHead(position, hash);
    }

    /** All events of these batches, in order. */
    public static List<EventEnvelope> eventsOf(List<EventBatch> batches) {
        return batches.stream().flatMap(batch -> batch.events().stream()).toList();
    }
}
