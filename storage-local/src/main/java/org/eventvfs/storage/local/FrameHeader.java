package org.eventvfs.storage.local;

/** A frame header as read; its other fields mean nothing unless {@link #checksumOk()}. */
record FrameHeader(int magic, int bodyLength, long firstPosition, int eventCount, boolean checksumOk) {
    /** Whether the length and count are ones a writer can produce. */
    boolean plausible() {
        return bodyLength >= 0 && bodyLength <= FrameCodec.MAX_BODY_SIZE && eventCount > 0
                && eventCount <= bodyLength / Integer.BYTES;
    }

    long frameLength() {
        return FrameCodec.HEADER_SIZE + (long) bodyLength + FrameCodec.TRAILER_SIZE;
    }
}
