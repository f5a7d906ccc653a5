package org.eventvfs.storage.local;

import org.eventvfs.domain.Sha256;

/**
 * The result of re-reading a stream and recomputing every event's hash and link.
 *
 * @param intactThrough the last position whose event and all before it check out
 * @param intactHash the hash of the event at {@code intactThrough}
 * @param firstBadPosition the first position that does not check out, or 0 if none
 * @param problem what is wrong at {@code firstBadPosition}, or null if nothing is
 */
public record ChainReport(String stream, long intactThrough, Sha256 intactHash, long firstBadPosition,
                          String problem) {
    public boolean intact() {
        return problem == null;
    }
}
