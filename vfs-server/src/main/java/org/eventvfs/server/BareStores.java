package org.eventvfs.server;

import io.vertx.core.Vertx;
import java.io.IOException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;

/**
 * The configured event and blob stores opened on their own, without a {@link org.eventvfs.Vfs}
 * and its projections, with the data folder's lock held: for commands that copy what the stores
 * hold. Blocking: for the command line.
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

    static BareStores open(ServerConfig config) throws IOException {
        DataFolderLock lock = DataFolderLock.acquire(config.dataFolder());
        Vertx vertx = Vertx.vertx();
        StorageContext context = new StorageContext(vertx, config.dataFolder());
        EventStore events = null;
        try {
            events = Storage.openEventStore(config.events(), context).await();
            return new BareStores(vertx, lock, events, Storage.openBlobStore(config.blobs(), context).await());
        } catch (RuntimeException e) {
            if (events != null) {
                events.close().await();
            }
            vertx.close().await();
            lock.close();
            throw new CommandFailure("cannot open the stores (events " + config.events() + ", blobs "
                    + config.blobs() + "): " + FailureReporter.oneLine(e), e);
        }
    }

    EventStore events() {
        return events;
    }

    BlobStore blobs() {
        return blobs;
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
