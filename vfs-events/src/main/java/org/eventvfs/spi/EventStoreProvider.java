package org.eventvfs.spi;

import io.vertx.core.Future;
import java.net.URI;

/** Opens event stores for one URI scheme; found with {@link java.util.ServiceLoader}. */
public interface EventStoreProvider {
    /** The URI scheme this provider serves, e.g. {@code file} or {@code postgresql}. */
    String scheme();

    Future<EventStore> open(URI uri, StorageContext context);

    /**
     * Opens the store only to read and verify it: nothing is repaired, cut off or otherwise
     * changed, and damage is left for {@link EventStore#verifyChain} to report rather than refused.
     * Appends may fail. By default the same as {@link #open}, for stores that repair nothing on
     * opening.
     */
    default Future<EventStore> openToVerify(URI uri, StorageContext context) {
        return open(uri, context);
    }
}
