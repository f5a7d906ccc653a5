package org.eventvfs.storage.local;

import java.nio.file.Path;

/** Why a {@link FrameScanner} cannot read on: what recovery needs to tell a torn tail from damage. */
final class BadFrame extends Exception {
    enum Kind {
        /** The unfinished end of an append that was never acknowledged: safe to cut off. */
        TORN,
        /**
         * Zeros from where a frame would start to the end of the file: the runway a log writes
         * ahead of its appends ({@link StreamLog}), or an extension whose pages never reached the
         * disk. Nothing was ever written there: cut off without a warning.
         */
        UNWRITTEN,
        /** Bytes that were once whole are not: never skipped, never cut off. */
        DAMAGED
    }

    private final Kind kind;
    private final long offset;
    private final long position;

    BadFrame(Kind kind, long offset, long position, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
        this.offset = offset;
        this.position = position;
    }

    Kind kind() {
        return kind;
    }

    /** The byte where the unreadable frame starts. */
    long offset() {
        return offset;
    }

    /** The first position that cannot be read. */
    long position() {
        return position;
    }

    LogDamaged damaged(Path file, String stream) {
        return new LogDamaged(file, stream, offset, position, getMessage());
    }
}
