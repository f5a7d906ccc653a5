package org.eventvfs.spi;

import io.vertx.core.Future;
import java.net.URI;

/** Opens event stores for one URI scheme; found with {@link java.util.ServiceLoader}. */
public interface EventStoreProvider {
    /** The URI scheme this provider serves, e.g. {@code file} or {@code postgresql}. */
    String scheme();

    Future<EventStore> open(URI uri, StorageContext context);
}
