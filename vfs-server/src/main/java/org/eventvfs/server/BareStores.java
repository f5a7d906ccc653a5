package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.util.function.BiFunction;
import org.eventvfs.impl.StoreVerification;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;

/**
 * The configured event and blob stores opened on their own, without a {@link org.eventvfs.Vfs}
 * and its projections, with the data folder's lock held: for commands that copy what the stores
 * hold, or verify it. Blocking: for the command line.
 */
final class BareStores implements AutoCloseable {
    private final Vertx vertx;
    private final DataFolderLock lock;
    private final EventStore events;
    private final BlobStore blobs;

    private BareStores(Vertx vertx, DataFolderLock lock, EventStore events, BlobStore blobs) {
        this.vertx = vertx;
        this.lock = lock;
        this.events = events;
        this.blobs = blobs;
    }

    /** Fails with {@link DataFolderInUse} if another process holds the data folder. */
    static BareStores open(ServerConfig config) throws IOException {
        return open(config, Storage::openEventStore);
    }

    /**
     * Opens the stores only to be read: nothing is repaired (a torn tail is not cut off, damage
     * is not refused), no projection is loaded and no snapshot written, so verifying never
     * changes what it verifies. Fails with {@link DataFolderInUse} if another process holds the data folder.
     */
    static BareStores openToVerify(ServerConfig config) throws IOException {
        return open(config, Storage::openEventStoreToVerify);
    }

    private static BareStores open(ServerConfig config, BiFunction<URI, StorageContext, Future<EventStore>> opener)
            throws IOException {
        DataFolderLock lock = DataFolderLock.acquire(config.dataFolder());
        Vertx vertx = Vertx.vertx();
        StorageContext context = new StorageContext(vertx, config.dataFolder());
        EventStore events = null;
        try {
            events = opener.apply(config.events(), context).await();
            return new BareStores(vertx, lock, events, Storage.openBlobStore(config.blobs(), context).await());
        } catch (RuntimeException e) {
            if (events != null) {
                events.close().await();
            }
            vertx.close().await();
            lock.close();
            throw new CommandFailure("cannot open the stores (events " + ConfigValues.shown(config.events())
                    + ", blobs " + ConfigValues.shown(config.blobs()) + "): " + FailureReporter.oneLine(e), e);
        }
    }

    EventStore events() {
        return events;
    }

    BlobStore blobs() {
        return blobs;
    }

    StoreVerification verification() {
        return new StoreVerification(vertx, events, blobs);
    }

    @Override
    public void close() throws IOException {
        try (lock) {
            events.close().eventually(blobs::close).await();
        } finally {
            vertx.close().await();
        }
    }
}
