package org.eventvfs.spi;

import java.util.List;
import java.util.UUID;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.EventEnvelope;

/**
 * The events of one command: stored all or nothing.
 *
 * @param json each event's stored form as {@link EventCodec#encode} gives it, computed once by the
 *     writer while sealing; stores keep exactly these bytes
 */
public record EventBatch(UUID commandId, List<EventEnvelope> events, List<byte[]> json) {
    public EventBatch {
        events = List.copyOf(events);
        json = List.copyOf(json);
        if (events.isEmpty() || json.size() != events.size()) {
            throw new IllegalArgumentException("a batch holds at least one event, each with its JSON");
        }
    }

    /** A batch whose events are encoded here. */
    public EventBatch(UUID commandId, List<EventEnvelope> events) {
        this(commandId, events, events.stream().map(EventCodec::encode).toList());
    }

    public long firstPosition() {
        return events.getFirst().position();
    }

    public long lastPosition() {
        return events.getLast().position();
    }
}
