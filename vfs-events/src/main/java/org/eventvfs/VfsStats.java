package org.eventvfs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eventvfs.domain.VfsException;

/**
 * Counters of what a running {@link Vfs} does, for operators: commands answered, bytes stored and
 * read, refused logins, store failures, and the sessions each protocol adapter has open (counted
 * from {@link LiveSessions}, so the two cannot disagree). Cheap to update from any thread; a
 * {@link #snapshot()} reads them all, and {@link #rates()} the recent rates per second from the
 * samples a periodic timer takes with {@link #sample()}.
 */
public final class VfsStats {
    private final LongAdder committed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder loginsRefused = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final RecentRates rates = new RecentRates(new RecentRates.Sample(System.nanoTime(), 0, 0, 0));
    private final LiveSessions sessions;

    public VfsStats(LiveSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The counters at one moment.
     *
     * @param commandsRefused commands refused for what they asked (no such file, permission, lock)
     * @param commandsFailed commands that failed for another reason (a store that did not answer)
     * @param bytesIn content bytes stored, as uploaded (before deduplication)
     * @param bytesOut content bytes read from the block store
     * @param storeFailures appends to the event store and block reads and writes that failed
     * @param sessions open sessions by protocol
     */
    public record Snapshot(long commandsCommitted, long commandsRefused, long commandsFailed, long bytesIn,
                           long bytesOut, long loginsRefused, long storeFailures, Map<String, Long> sessions) {
        public Snapshot {
            sessions = Map.copyOf(sessions);
        }
    }

    /** Rates per second over the last {@code seconds}: commands answered, content bytes stored and read. */
    public record Rate(int seconds, double commandsPerSecond, double bytesInPerSecond, double bytesOutPerSecond) {
    }

    /**
     * Counts a command's answer: committed, refused (a {@link VfsException} for what it asked) or
     * failed ({@link VfsException.Unavailable}: a store did not answer, or anything unexpected).
     */
    public void commandAnswered(Throwable failure) {
        if (failure == null) {
            committed.increment();
        } else if (failure instanceof VfsException && !(failure instanceof VfsException.Unavailable)) {
            refused.increment();
        } else {
            failed.increment();
        }
    }

    public void bytesStored(long bytes) {
        bytesIn.add(bytes);
    }

    public void bytesRead(long bytes) {
        bytesOut.add(bytes);
    }

    public void loginRefused() {
        loginsRefused.increment();
    }

    /** An append to the event store, or a block read or write, failed (not a missing block). */
    public void storeFailed() {
        storeFailures.increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(committed.sum(), refused.sum(), failed.sum(), bytesIn.sum(), bytesOut.sum(),
                loginsRefused.sum(), storeFailures.sum(), sessions.counts());
    }

    /** Samples the counters for {@link #rates()}; the {@link Vfs} calls it from a timer, about once a second. */
    public void sample() {
        rates.add(sampleAt(System.nanoTime()));
    }

    /** Commands and content bytes per second over the last 10 s and the last minute. */
    public List<Rate> rates() {
        return rates.rates(sampleAt(System.nanoTime()));
    }

    private RecentRates.Sample sampleAt(long nanos) {
        return new RecentRates.Sample(nanos, committed.sum() + refused.sum() + failed.sum(), bytesIn.sum(),
                bytesOut.sum());
    }
}
