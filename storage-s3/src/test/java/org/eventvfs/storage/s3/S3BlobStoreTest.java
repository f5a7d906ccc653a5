package org.eventvfs.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.spi.StoredBlock;
import org.eventvfs.testkit.BlobStoreContractTest;
import org.eventvfs.testkit.S3TestServer;
import org.junit.jupiter.api.Test;

/** The blob store contract against a real S3 API server, and what is particular to S3. */
class S3BlobStoreTest extends BlobStoreContractTest {
    private static final S3TestServer s3 = S3TestServer.shared();
    /** Each test its own prefix: one server serves the whole class. */
    private final String prefix = "vfs-" + UUID.randomUUID();

    @Override
    protected Future<BlobStore> openStore(Vertx vertx) {
        return Storage.openBlobStore(s3.blobsUri(prefix), new StorageContext(vertx, Path.of("unused")));
    }

    @Test
    void aBlockIsAnObjectNamedByItsHashUnderThePrefix() {
        BlobStore store = open();
        byte[] bytes = block(1000, 10);

        result(store.put(Buffer.buffer(bytes)));

        assertThat(s3.keys(prefix)).containsExactly(prefix + "/" + hashOf(bytes).hex());
    }

    @Test
    void theListingHoldsEveryStoredBlockWithItsTime() {
        BlobStore store = open();
        Sha256[] hashes = new Sha256[5];
        for (int i = 0; i < hashes.length; i++) {
            byte[] bytes = block(100 + i, 100 + i);
            hashes[i] = hashOf(bytes);
            result(store.put(Buffer.buffer(bytes)));
        }
        result(store.delete(hashes[0]));

        assertThat(result(store.list())).extracting(StoredBlock::hash)
                .containsExactlyInAnyOrder(hashes[1], hashes[2], hashes[3], hashes[4]);
        assertThat(result(store.list())).allSatisfy(b -> assertThat(b.stored()).isNotNull());
    }

    @Test
    void aMissingBucketFailsTheOpenWithItsName() {
        URI wrong = URI.create(s3.blobsUri(prefix).toString().replace("@" + S3TestServer.BUCKET + "/", "@nosuch/"));

        Throwable failure = failure(Storage.openBlobStore(wrong, new StorageContext(vertx, Path.of("unused"))));

        assertThat(failure).hasMessageContaining("nosuch").hasMessageNotContaining(S3TestServer.SECRET_KEY);
    }
}
