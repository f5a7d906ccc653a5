package org.eventvfs.domain;

import java.util.List;

/**
 * A command's durable outcome: the positions of its events, or for a command that changed nothing
 * the position it was decided at.
 *
 * @param repeated true when the command id had been applied before and nothing new was appended
 */
public record Committed(long firstPosition, long lastPosition, List<EventEnvelope> events, boolean repeated) {
    public Committed {
        events = List.copyOf(events);
    }
}
