package org.eventvfs;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eventvfs.domain.VfsException;

/**
 * Counters of what a running {@link Vfs} does, for operators: commands answered, bytes stored and
 * read, refused logins, and the sessions each protocol adapter has open (counted from
 * {@link LiveSessions}, so the two cannot disagree). Cheap to update from any thread; a
 * {@link #snapshot()} reads them all.
 */
public final class VfsStats {
    private final LongAdder committed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder loginsRefused = new LongAdder();
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
     * @param sessions open sessions by protocol
     */
    public record Snapshot(long commandsCommitted, long commandsRefused, long commandsFailed, long bytesIn,
                           long bytesOut, long loginsRefused, Map<String, Long> sessions) {
        public Snapshot {
            sessions = Map.copyOf(sessions);
        }
    }

    /** Counts a command's answer: committed, refused (a {@link VfsException}) or failed. */
    public void commandAnswered(Throwable failure) {
        if (failure == null) {
            committed.increment();
        } else if (failure instanceof VfsException) {
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

    public Snapshot snapshot() {
        return new Snapshot(committed.sum(), refused.sum(), failed.sum(), bytesIn.sum(), bytesOut.sum(),
                loginsRefused.sum(), sessions.counts());
    }
}
