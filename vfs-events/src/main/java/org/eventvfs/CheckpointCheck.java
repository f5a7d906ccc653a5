package org.eventvfs;

/**
 * Whether a stream still holds a checkpoint's head: the event at its position, with its hash, and
 * an intact chain from position 1 up to it.
 *
 * @param problem why it does not (the log is cut off before the position, the event there was
 *     rewritten, the chain is broken before it), or null if it does
 */
public record CheckpointCheck(CheckpointHead head, String problem) {
    public boolean holds() {
        return problem == null;
    }
}
