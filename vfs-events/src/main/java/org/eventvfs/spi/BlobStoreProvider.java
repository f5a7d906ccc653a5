package org.eventvfs.spi;

import io.vertx.core.Future;
import java.net.URI;

/** Opens blob stores for one URI scheme; found with {@link java.util.ServiceLoader}. */
public interface BlobStoreProvider {
    /** The URI scheme this provider serves, e.g. {@code file} or {@code s3}. */
    String scheme();

    Future<BlobStore> open(URI uri, StorageContext context);
}
