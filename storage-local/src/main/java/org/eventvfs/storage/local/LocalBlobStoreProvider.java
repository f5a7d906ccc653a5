package org.eventvfs.storage.local;

import io.vertx.core.Future;
import java.net.URI;
import java.util.Set;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobStoreProvider;
import org.eventvfs.spi.StorageContext;

/** Opens {@link LocalBlobStore}s for {@code file:} URIs such as {@code file:/srv/vfs/blobs}. */
public final class LocalBlobStoreProvider implements BlobStoreProvider {
    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public Future<BlobStore> open(URI uri, StorageContext context) {
        try {
            LocalUri local = LocalUri.parse(uri, context.dataDirectory(), Set.of());
            return LocalBlobStore.open(context.vertx(), local.directory()).map(store -> store);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
    }
}
