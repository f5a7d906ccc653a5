package org.eventvfs.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eventvfs.HistoryPoint;

/**
 * When each position of a stream was written: runs of positions that share one timestamp (a
 * command's events all do), so a time can be turned into a position by binary search and the days
 * with changes listed without reading the log. Timestamps do not decrease along a stream unless a
 * host's clock stepped back; such a run is kept with its predecessor's time, so times stay ordered
 * by position and "as of a time" keeps one meaning.
 *
 * <p>One thread appends and truncates; any thread reads. Methods are synchronized: reads are a
 * binary search, far cheaper than the tree lookups they precede.
 */
final class Timeline {
    private long[] firstPositions = new long[64];
    private long[] times = new long[64];
    private int runs;

    /** Records that {@code position} (the next one after the newest recorded) was written at {@code time}. */
    synchronized void record(long position, long time) {
        if (runs > 0 && times[runs - 1] >= time) {
            return;
        }
        if (runs == firstPositions.length) {
            firstPositions = Arrays.copyOf(firstPositions, runs * 2);
            times = Arrays.copyOf(times, runs * 2);
        }
        firstPositions[runs] = position;
        times[runs] = time;
        runs++;
    }

    /** Forgets the positions after {@code position} (a rolled-back speculation). */
    synchronized void truncateAfter(long position) {
        while (runs > 0 && firstPositions[runs - 1] > position) {
            runs--;
        }
    }

    /** The time {@code position} was written, or -1 if it is not recorded. */
    synchronized long timeOf(long position) {
        int run = runOf(position);
        return run < 0 ? -1 : times[run];
    }

    /**
     * The newest position written at or before {@code time}, at most {@code head}; 0 if none was.
     */
    synchronized long positionAt(long time, long head) {
        int found = lastAtOrBefore(times, time);
        if (found < 0) {
            return 0;
        }
        long lastOfRun = found + 1 < runs ? firstPositions[found + 1] - 1 : head;
        return Math.min(lastOfRun, head);
    }

    /** The newest position of each UTC day with changes up to {@code head}, oldest day first. */
    synchronized List<HistoryPoint> days(long head) {
        List<HistoryPoint> days = new ArrayList<>();
        for (int run = 0; run < runs && firstPositions[run] <= head; run++) {
            long day = Math.floorDiv(times[run], HistoryPoint.DAY_MILLIS);
            long last = run + 1 < runs ? Math.min(firstPositions[run + 1] - 1, head) : head;
            HistoryPoint point = new HistoryPoint(last, times[run]);
            if (!days.isEmpty() && Math.floorDiv(days.getLast().time(), HistoryPoint.DAY_MILLIS) == day) {
                days.set(days.size() - 1, point);
            } else {
                days.add(point);
            }
        }
        return days;
    }

    /** The last position of each of the newest {@code count} runs up to {@code head}, newest first. */
    synchronized List<HistoryPoint> latest(int count, long head) {
        List<HistoryPoint> points = new ArrayList<>(count);
        for (int run = runs - 1; run >= 0 && points.size() < count; run--) {
            if (firstPositions[run] <= head) {
                long last = run + 1 < runs ? Math.min(firstPositions[run + 1] - 1, head) : head;
                points.add(new HistoryPoint(last, times[run]));
            }
        }
        return points;
    }

    /** Every run, oldest first, for a snapshot: pairs of first position and time. */
    synchronized long[][] runs() {
        return new long[][] {Arrays.copyOf(firstPositions, runs), Arrays.copyOf(times, runs)};
    }

    private int runOf(long position) {
        return lastAtOrBefore(firstPositions, position);
    }

    /** The index of the last of the first {@code runs} sorted keys that is at most {@code key}; -1 if none. */
    private int lastAtOrBefore(long[] keys, long key) {
        int low = 0;
        int high = runs - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (keys[mid] <= key) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
