package org.eventvfs.spi;

import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;

/** The newest event of a stream: its position and its hash, which the next event chains to. */
public record StreamHead(long position, Sha256 hash) {
    public static final StreamHead EMPTY = new StreamHead(0, EventEnvelope.GENESIS);
}
