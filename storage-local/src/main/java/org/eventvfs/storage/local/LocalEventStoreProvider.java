package org.eventvfs.storage.local;

import io.vertx.core.Future;
import java.net.URI;
import java.util.Set;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.EventStoreProvider;
import org.eventvfs.spi.StorageContext;

/** Opens {@link LocalEventStore}s for {@code file:} URIs such as {@code file:/srv/vfs/events?fsync=false}. */
public final class LocalEventStoreProvider implements EventStoreProvider {
    private static final String FSYNC = "fsync";

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public Future<EventStore> open(URI uri, StorageContext context) {
        try {
            LocalUri local = LocalUri.parse(uri, context.dataDirectory(), Set.of(FSYNC));
            Durability durability = local.flag(FSYNC, true) ? Durability.FSYNC : Durability.NO_FSYNC;
            return LocalEventStore.open(context.vertx(), local.directory(), durability).map(store -> store);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    /** Opens the folder read-only: a torn tail is not cut off and damage is not refused, so a verifier can name both. */
    @Override
    public Future<EventStore> openToVerify(URI uri, StorageContext context) {
        try {
            LocalUri local = LocalUri.parse(uri, context.dataDirectory(), Set.of(FSYNC));
            return LocalEventStore.openToVerify(context.vertx(), local.directory()).map(store -> store);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }
}
