package org.eventvfs.storage.s3;

import java.util.UUID;
import org.eventvfs.VfsOptions;
import org.eventvfs.testkit.BlockCollectionContractTest;
import org.eventvfs.testkit.S3TestServer;
import org.eventvfs.testkit.StoreFixture;

/** Collection and verification with blocks in a real S3 API server, events in the local log. */
class S3BlockCollectionTest extends BlockCollectionContractTest {
    private static final S3TestServer s3 = S3TestServer.shared();

    @Override
    protected StoreFixture fixture() {
        String prefix = "gc-" + UUID.randomUUID();
        return data -> VfsOptions.embedded(data).withBlobs(s3.blobsUri(prefix));
    }
}
