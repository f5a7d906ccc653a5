package org.eventvfs.storage.postgres;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;

/** Servers sharing one database, each on a Vert.x of its own as separate processes would be. */
final class Servers implements AutoCloseable {
    private final Path dir;
    private final URI events;
    private final List<Vertx> started = new ArrayList<>();

    Servers(Path dir, URI events) {
        this.dir = dir;
        this.events = events;
    }

    /** A server whose local files are under {@code name}. */
    Vfs open(String name) {
        return Vfs.open(newVertx(), options(name)).await();
    }

    /** A store of its own on the database. */
    EventStore openStore() {
        return Storage.openEventStore(events, new StorageContext(newVertx(), null)).await();
    }

    VfsOptions options(String name) {
        return VfsOptions.embedded(dir.resolve(name)).withEvents(events);
    }

    Vertx newVertx() {
        Vertx vertx = Vertx.vertx();
        started.add(vertx);
        return vertx;
    }

    @Override
    public void close() {
        started.forEach(v -> v.close().await());
    }
}
