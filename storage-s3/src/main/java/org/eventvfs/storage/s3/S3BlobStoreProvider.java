package org.eventvfs.storage.s3;

import io.vertx.core.Future;
import java.net.URI;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobStoreProvider;
import org.eventvfs.spi.StorageContext;

/**
 * Opens {@link S3BlobStore}s for {@code s3://bucket/prefix?endpoint=…&region=…} URIs; see
 * {@link S3Location} for the options and docs/s3.md for the whole story.
 */
public final class S3BlobStoreProvider implements BlobStoreProvider {
    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public Future<BlobStore> open(URI uri, StorageContext context) {
        S3Location location;
        try {
            location = S3Location.parse(uri, System.getenv());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        // Building the client reads profile files and starts Netty threads: a worker's job.
        return context.vertx().executeBlocking(() -> S3Clients.open(location), false).compose(client -> {
            S3BlobStore store = new S3BlobStore(context.vertx(), client, location);
            return store.checkBucket()
                    .<BlobStore>map(checked -> checked)
                    .recover(failure -> store.close().transform(closed -> Future.failedFuture(failure)));
        });
    }
}
