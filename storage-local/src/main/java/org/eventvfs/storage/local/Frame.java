package org.eventvfs.storage.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.EventEnvelope;

/**
 * One whole, intact frame as a view into a {@link FrameScanner}'s buffer, so events are parsed in
 * place, never copied: valid only until the scanner reads the next frame.
 */
record Frame(long offset, long firstPosition, byte[] bytes, int[] eventStarts, int[] eventLengths) {
    int eventCount() {
        return eventStarts.length;
    }

    long lastPosition() {
        return firstPosition + eventStarts.length - 1;
    }

    /** The event as a JSON tree, or null if it is not JSON. */
    JsonNode tree(int event) {
        try {
            return EventCodec.mapper().readTree(bytes, eventStarts[event], eventLengths[event]);
        } catch (IOException e) {
            return null;
        }
    }

    EventEnvelope decode(int event) {
        JsonNode tree = tree(event);
        if (tree == null) {
            throw new IllegalArgumentException("not an event: not JSON");
        }
        return EventCodec.fromTree(tree);
    }

    byte[] copyOf(int event) {
        byte[] copy = new byte[eventLengths[event]];
        System.arraycopy(bytes, eventStarts[event], copy, 0, copy.length);
        return copy;
    }
}
