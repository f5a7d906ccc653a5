package org.eventvfs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Rates per second over the last {@link #WINDOWS} seconds, from samples of the counters that a
 * periodic timer takes (about one a second): a rate is the counters now less the oldest sample
 * within the window, over the time between them. Samples older than the longest window are dropped.
 */
final class RecentRates {
    /** The windows rates are reported over, in seconds. */
    static final List<Integer> WINDOWS = List.of(10, 60);
    private static final long LONGEST = WINDOWS.getLast() * 1_000_000_000L;

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /** The counters that rates are reported of, at one moment. */
    record Sample(long nanos, long commands, long bytesIn, long bytesOut) {
    }

    RecentRates(Sample start) {
        samples.add(start);
    }

    synchronized void add(Sample sample) {
        samples.addLast(sample);
        while (sample.nanos() - samples.peekFirst().nanos() > LONGEST) {
            samples.pollFirst();
        }
    }

    /** The rate over each of {@link #WINDOWS}, up to {@code now}; over less time in a server's first minute. */
    synchronized List<VfsStats.Rate> rates(Sample now) {
        List<VfsStats.Rate> rates = new ArrayList<>(WINDOWS.size());
        for (int seconds : WINDOWS) {
            Sample from = oldestWithin(now.nanos() - seconds * 1_000_000_000L);
            double elapsed = (now.nanos() - from.nanos()) / 1e9;
            rates.add(elapsed <= 0 ? new VfsStats.Rate(seconds, 0, 0, 0) : new VfsStats.Rate(seconds,
                    (now.commands() - from.commands()) / elapsed, (now.bytesIn() - from.bytesIn()) / elapsed,
                    (now.bytesOut() - from.bytesOut()) / elapsed));
        }
        return rates;
    }

    /** The oldest sample taken at or after {@code since}, else the newest one. */
    private Sample oldestWithin(long since) {
        for (Sample sample : samples) {
            if (sample.nanos() >= since) {
                return sample;
            }
        }
        return samples.peekLast();
    }
}
