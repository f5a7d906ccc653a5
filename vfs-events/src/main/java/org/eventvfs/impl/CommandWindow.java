package org.eventvfs.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the most recent commands of a stream and the positions they produced, so a command
 * retried with the same id is answered, not applied twice. Bounded: a retry comes within seconds,
 * not after a million other commands.
 */
final class CommandWindow {
    static final int DEFAULT_CAPACITY = 200_000;

    private final Map<UUID, Long> lastPositions;

    CommandWindow(int capacity) {
        this.lastPositions = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(UUID commandId, long lastPosition) {
        lastPositions.put(commandId, lastPosition);
    }

    /** The last position the command produced, or null if it is not in the window. */
    synchronized Long lastPositionOf(UUID commandId) {
        return lastPositions.get(commandId);
    }

    synchronized Map<UUID, Long> copy() {
        return new LinkedHashMap<>(lastPositions);
    }
}
