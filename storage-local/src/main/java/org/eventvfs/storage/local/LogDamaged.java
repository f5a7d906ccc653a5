package org.eventvfs.storage.local;

import java.nio.file.Path;

/**
 * A log holds bytes that were once written whole and are no longer: a store refuses to open it
 * rather than skip or cut off events that were acknowledged.
 */
public final class LogDamaged extends RuntimeException {
    private final Path file;
    private final String stream;
    private final long offset;
    private final long position;

    LogDamaged(Path file, String stream, long offset, long position, String reason) {
        super("log " + file + " (stream " + stream + ") is damaged at byte " + offset + " (position " + position
                + "): " + reason + ". Nothing was changed; restore the log from a backup");
        this.file = file;
        this.stream = stream;
        this.offset = offset;
        this.position = position;
    }

    public Path file() {
        return file;
    }

    public String stream() {
        return stream;
    }

    /** The byte where the unreadable frame starts. */
    public long offset() {
        return offset;
    }

    /** The first position that cannot be read. */
    public long position() {
        return position;
    }
}
