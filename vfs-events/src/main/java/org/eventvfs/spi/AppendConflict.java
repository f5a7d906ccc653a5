package org.eventvfs.spi;

/** Another writer appended first: the stream's head is not where the append expected it. */
public final class AppendConflict extends RuntimeException {
    public AppendConflict(String stream, long expected, long actual) {
        super("stream " + stream + " is at position " + actual + ", the append expected " + expected);
    }
}
