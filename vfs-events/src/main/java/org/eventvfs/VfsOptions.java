package org.eventvfs;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * How to open a {@link Vfs}.
 *
 * @param events the event store, e.g. {@code file:/srv/vfs-data/events}
 * @param blobs the blob store, e.g. {@code file:/srv/vfs-data/blobs}
 * @param dataDirectory where snapshots and staged uploads are kept
 * @param blockSize the size content is cut into, 4 MiB by default
 * @param snapshotEvery a volume's projection is snapshotted after this many new events
 * @param clock epoch milliseconds; tests pass their own
 */
public record VfsOptions(URI events, URI blobs, Path dataDirectory, int blockSize, long snapshotEvery,
                         LongSupplier clock) {
    public static final int DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
    public static final long DEFAULT_SNAPSHOT_EVERY = 100_000;

    /** The embedded default: a log and a blob folder under {@code dataDirectory}. */
    public static VfsOptions embedded(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return new VfsOptions(data.resolve("events").toUri(), data.resolve("blobs").toUri(), data,
                DEFAULT_BLOCK_SIZE, DEFAULT_SNAPSHOT_EVERY, System::currentTimeMillis);
    }

    public VfsOptions withBlockSize(int size) {
        return new VfsOptions(events, blobs, dataDirectory, size, snapshotEvery, clock);
    }

    public VfsOptions withSnapshotEvery(long events) {
        return new VfsOptions(this.events, blobs, dataDirectory, blockSize, events, clock);
    }

    public VfsOptions withClock(LongSupplier newClock) {
        return new VfsOptions(events, blobs, dataDirectory, blockSize, snapshotEvery, newClock);
    }

    public VfsOptions withEvents(URI uri) {
        return new VfsOptions(uri, blobs, dataDirectory, blockSize, snapshotEvery, clock);
    }

    public VfsOptions withBlobs(URI uri) {
        return new VfsOptions(events, uri, dataDirectory, blockSize, snapshotEvery, clock);
    }
}
