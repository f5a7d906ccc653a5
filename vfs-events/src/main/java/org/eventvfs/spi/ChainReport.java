package org.eventvfs.spi;

import org.eventvfs.domain.Sha256;

/**
 * The result of re-reading a stream from position 1, recomputing every event's hash and checking
 * every link of the chain.
 *
 * @param intactThrough the last position whose event and all before it check out
 * @param intactHash the hash of the event at {@code intactThrough}
 * @param firstBadPosition the first position that does not check out, or 0 if none
 * @param problem what is wrong at {@code firstBadPosition}, or null if nothing is
 * @param note something found that is not damage (an unacknowledged torn tail), or null
 */
public record ChainReport(String stream, long intactThrough, Sha256 intactHash, long firstBadPosition,
                          String problem, String note) {
    /** A stream whose chain checks out up to {@code head}. */
    public static ChainReport intact(String stream, StreamHead head) {
        return new ChainReport(stream, head.position(), head.hash(), 0, null, null);
    }

    /** A stream intact up to {@code head}, and wrong at the position after it. */
    public static ChainReport broken(String stream, StreamHead head, String problem) {
        return new ChainReport(stream, head.position(), head.hash(), head.position() + 1, problem, null);
    }

    public boolean intact() {
        return problem == null;
    }

    /** The newest position that checks out, with its hash. */
    public StreamHead intactHead() {
        return new StreamHead(intactThrough, intactHash);
    }

    public ChainReport withNote(String newNote) {
        return new ChainReport(stream, intactThrough, intactHash, firstBadPosition, problem, newNote);
    }
}
