package org.eventvfs.testkit;

import java.nio.file.Path;
import java.util.UUID;
import org.eventvfs.VfsOptions;

/**
 * The stores the protocol adapters' tests run on: the embedded ones, or, when the system property
 * {@value #S3_PROPERTY} is true (a second surefire run of the end-to-end tests does it), the
 * embedded log with content blocks in S3 (a shared S3Proxy on loopback), so that the same real
 * clients are seen to work with S3 blobs.
 */
public final class AdapterStores {
    public static final String S3_PROPERTY = "eventvfs.test.s3Blobs";

    private AdapterStores() {
    }

    /** Options for a fresh deployment under {@code dataDirectory}, with 64 KiB blocks. */
    public static VfsOptions options(Path dataDirectory) {
        VfsOptions options = VfsOptions.embedded(dataDirectory).withBlockSize(64 * 1024);
        if (Boolean.getBoolean(S3_PROPERTY)) {
            return options.withBlobs(S3TestServer.shared().blobsUri("test-" + UUID.randomUUID()));
        }
        return options;
    }
}
