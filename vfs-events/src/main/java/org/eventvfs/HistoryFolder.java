package org.eventvfs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eventvfs.audit.TimeSpan;

/**
 * The read-only folder, {@code .history} in each user's home unless configured otherwise, through
 * which every protocol shows past trees: {@code .history/2026-11-21T10:00:00Z/…} or
 * {@code .history/@1234/…} is the home as it was then. Its entries are one per UTC day with
 * changes (named by the time of that day's last change) and the latest positions; any other time
 * or position up to the head resolves too, listed or not.
 */
public final class HistoryFolder {
    /** The folder's name when none is configured. */
    public static final String DEFAULT_NAME = ".history";
    /** How many of the newest positions the folder lists besides the days. */
    public static final int LATEST_POINTS = 20;

    private static final Pattern POSITION = Pattern.compile("@(0|[1-9]\\d{0,18})");

    /** An entry of the folder: its name, and the position and time it stands for. */
    public record Entry(String name, long position, long time) {
    }

    private HistoryFolder() {
    }

    /** The entries: each day with changes, oldest first, then the latest positions, newest first. */
    public static List<Entry> entries(Volume volume) {
        List<Entry> entries = new ArrayList<>();
        for (HistoryPoint day : volume.changeDays()) {
            entries.add(new Entry(timeName(day.time()), day.position(), day.time()));
        }
        for (HistoryPoint point : volume.latestPoints(LATEST_POINTS)) {
            entries.add(new Entry(positionName(point.position()), point.position(), point.time()));
        }
        return entries;
    }

    /**
     * The entry {@code name} stands for, or null if it is neither a time nor a position up to the
     * head. A time without fractions covers its whole second, and a bare date its whole day, so
     * that a listed name shows the change it was named after.
     */
    public static Entry resolve(Volume volume, String name) {
        long position = positionOf(volume, name);
        if (position < 0) {
            return null;
        }
        long time = position == 0 ? 0 : volume.timeOf(position);
        return new Entry(name, position, Math.max(time, 0));
    }

    /** The name a listed day gets: its last change's time in UTC, to the second. */
    public static String timeName(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String positionName(long position) {
        return "@" + position;
    }

    private static long positionOf(Volume volume, String name) {
        var position = POSITION.matcher(name);
        if (position.matches()) {
            long p = Long.parseLong(position.group(1));
            return p <= volume.position() ? p : -1;
        }
        Long end = endOfTime(name);
        return end == null ? -1 : volume.positionAt(end);
    }

    /** The last millisecond {@code name} covers, or null if it is not a time. */
    private static Long endOfTime(String name) {
        TimeSpan span = TimeSpan.parse(name);
        return span == null ? null : span.end();
    }
}
