package org.eventvfs.spi;

import java.util.List;
import java.util.UUID;
import org.eventvfs.domain.EventEnvelope;

/** The events of one command: stored all or nothing. */
public record EventBatch(UUID commandId, List<EventEnvelope> events) {
    public EventBatch {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
    }

    public long firstPosition() {
        return events.getFirst().position();
    }

    public long lastPosition() {
        return events.getLast().position();
    }
}
