package org.eventvfs.spi;

import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Opens the stores a configuration names, through the providers on the class path. */
public final class Storage {
    private Storage() {
    }

    public static Future<EventStore> openEventStore(URI uri, StorageContext context) {
        try {
            return find(EventStoreProvider.class, EventStoreProvider::scheme, uri, "event store").open(uri, context);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    /** Opens the event store to read and verify it, changing nothing (see {@link EventStoreProvider#openToVerify}). */
    public static Future<EventStore> openEventStoreToVerify(URI uri, StorageContext context) {
        try {
            return find(EventStoreProvider.class, EventStoreProvider::scheme, uri, "event store")
                    .openToVerify(uri, context);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    public static Future<BlobStore> openBlobStore(URI uri, StorageContext context) {
        try {
            return find(BlobStoreProvider.class, BlobStoreProvider::scheme, uri, "blob store").open(uri, context);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }

    private static <P> P find(Class<P> type, Function<P, String> scheme, URI uri, String what) {
        List<P> providers = ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).toList();
        return providers.stream()
                .filter(p -> scheme.apply(p).equalsIgnoreCase(uri.getScheme()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " for '" + uri.getScheme()
                        + ":' URIs; available: " + providers.stream().map(scheme).toList()));
    }
}
