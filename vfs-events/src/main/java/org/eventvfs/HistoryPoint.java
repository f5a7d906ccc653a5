package org.eventvfs;

/**
 * A point in a volume's history: a position and the time its event was written (epoch
 * milliseconds).
 */
public record HistoryPoint(long position, long time) {
    /** Milliseconds in a UTC day, the unit {@link Volume#changeDays()} groups by. */
    public static final long DAY_MILLIS = 86_400_000L;
}
