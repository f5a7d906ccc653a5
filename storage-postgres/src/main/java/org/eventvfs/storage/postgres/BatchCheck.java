package org.eventvfs.storage.postgres;

import java.util.List;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventBatch;

/**
 * Refuses batches that do not hold together: positions that do not follow each other from the
 * expected head, an event of another stream or command, a broken chain inside the batches. That the
 * first event chains to the stored head is checked by the database, under the head's lock.
 */
final class BatchCheck {
    private BatchCheck() {
    }

    static void requireContinues(String stream, long expectedHead, List<EventBatch> batches) {
        long position = expectedHead;
        EventEnvelope previous = null;
        for (EventBatch batch : batches) {
            for (EventEnvelope e : batch.events()) {
                position++;
                String problem = problem(stream, batch, e, position, previous);
                if (problem != null) {
                    throw new IllegalArgumentException("cannot append to stream " + stream + ": the event for position "
                            + position + " " + problem);
                }
                previous = e;
            }
        }
    }

    private static String problem(String stream, EventBatch batch, EventEnvelope e, long position,
                                  EventEnvelope previous) {
        if (!stream.equals(e.stream())) {
            return "belongs to stream " + e.stream();
        }
        if (e.position() != position) {
            return "has position " + e.position();
        }
        if (e.hash() == null) {
            return "is not sealed (it has no hash)";
        }
        if (previous != null && !previous.hash().equals(e.previousHash())) {
            return "does not chain to the hash of position " + (position - 1);
        }
        if (!batch.commandId().equals(e.commandId())) {
            return "belongs to command " + e.commandId() + ", not to its batch's command " + batch.commandId();
        }
        return null;
    }
}
