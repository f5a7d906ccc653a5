package org.eventvfs.domain;

import java.util.UUID;

/**
 * One event as stored: its place in a stream, the command that caused it, who asked, and the hash
 * chain that makes any edit or gap in a stored log detectable.
 *
 * @param stream the volume name, or {@link #ACCOUNTS} for the account stream
 * @param position gapless, from 1
 * @param timestamp epoch milliseconds when the writer decided the event
 * @param previousHash the hash of the event at {@code position - 1}, or {@link #GENESIS}
 * @param hash SHA-256 over the canonical JSON of every other field, see {@code EventCodec}
 */
public record EventEnvelope(String stream, long position, UUID eventId, UUID commandId, String type,
                            int schemaVersion, long timestamp, Actor actor, Sha256 previousHash, Sha256 hash,
                            EventPayload payload) {
    /** The stream that holds users. Volume names cannot start with '@', so it never clashes. */
    public static final String ACCOUNTS = "@accounts";
    /** The previous hash of the first event of a stream. */
    public static final Sha256 GENESIS = new Sha256(0, 0, 0, 0);
}
