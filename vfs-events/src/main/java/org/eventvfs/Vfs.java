package org.eventvfs;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.eventvfs.impl.EventSourcedVfs;
import org.eventvfs.spi.ChainReport;

/**
 * The event-sourced file system: volumes, the users who reach them, and the stores behind both.
 * Protocol adapters call only this API; every method is asynchronous and safe from any thread.
 */
public interface Vfs {
    /** Opens the stores named in {@code options} and loads the account stream. */
    static Future<Vfs> open(Vertx vertx, VfsOptions options) {
        return EventSourcedVfs.open(vertx, options);
    }

    /**
     * The event-bus address where a stream's events are published, each as an
     * {@link org.eventvfs.domain.EventEnvelope}, once durable and before the command is answered.
     */
    static String eventsAddress(String stream) {
        return "vfs.events." + stream;
    }

    /** The volume of that name, loaded from its snapshot and log on first use, or new and empty. */
    Future<Volume> volume(String name);

    /** The names of the volumes that hold at least one event. */
    Future<List<String>> volumes();

    /** The users. */
    Accounts accounts();

    /**
     * Deletes the blocks that no event references and that were last stored longer than
     * {@code grace} ago (with {@code dryRun}, only names them). A block an upload stored but whose
     * event is not appended yet is kept: its put is more recent than the grace period, or, in this
     * process, marked against the collection (see docs/gc.md).
     */
    default Future<GcReport> collectGarbage(Duration grace, boolean dryRun) {
        return collectGarbage(grace, Retention.KEEP_ALL, dryRun);
    }

    /**
     * As {@link #collectGarbage(Duration, boolean)}, where the blocks of revisions that
     * {@code retention} no longer keeps count as unreferenced (docs/gc.md); the events stay.
     */
    Future<GcReport> collectGarbage(Duration grace, Retention retention, boolean dryRun);

    /** Reads back every block an event references and checks it is stored and hashes to its name. */
    default Future<BlockCheck> verifyBlocks() {
        return verifyBlocks(Retention.KEEP_ALL);
    }

    /** As {@link #verifyBlocks()}, for the blocks of the revisions {@code retention} keeps. */
    Future<BlockCheck> verifyBlocks(Retention retention);

    /** Re-reads every stream from position 1, checking positions, hashes and links (see docs/verify.md). */
    Future<List<ChainReport>> verifyChains();

    /** The head of every stream that holds an event: what a checkpoint signs. */
    Future<List<CheckpointHead>> heads();

    /** Whether each stream still holds the head a checkpoint recorded, with an intact chain up to it. */
    Future<List<CheckpointCheck>> verifyCheckpoint(List<CheckpointHead> heads);

    /** What this Vfs has done since it was opened, and the sessions its adapters have open. */
    VfsStats stats();

    /** The sessions the protocol adapters have open, to list and to kick out. */
    LiveSessions sessions();

    /**
     * Each stream's length and bytes in the event store, read without loading a volume, and for each
     * stream loaded here how far its projection is behind the store (another server's appends not
     * applied yet).
     */
    Future<List<StreamStats>> streamStats();

    /**
     * The blob store's blocks and bytes as last measured, or null before the first measurement
     * ends. Measuring walks the whole store, so it runs in the background, started by this call at
     * most once a minute.
     */
    MeasuredBlobUsage blobUsage();

    /** Writes snapshots of the loaded volumes and closes the stores. */
    Future<Void> close();
}
