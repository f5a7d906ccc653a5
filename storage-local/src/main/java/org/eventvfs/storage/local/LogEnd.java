package org.eventvfs.storage.local;

import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.StreamHead;

/** What a log holds durably: its newest position and hash, and the byte after its last frame. */
record LogEnd(long position, Sha256 hash, long offset) {
    static final LogEnd EMPTY = new LogEnd(0, StreamHead.EMPTY.hash(), 0);

    StreamHead head() {
        return new StreamHead(position, hash);
    }
}
