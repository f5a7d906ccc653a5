package org.eventvfs.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.S3TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Credentials from a named profile and from the SDK's default chain, when the URI carries none. */
@ResourceLock("system properties")
class S3CredentialsTest {
    private final S3TestServer s3 = S3TestServer.shared();
    private Vertx vertx;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        vertx.close().await();
    }

    private URI withoutCredentials(String options) {
        return URI.create("s3://" + S3TestServer.BUCKET + "/creds?endpoint=" + s3.endpoint() + options);
    }

    private void storesABlock(URI uri) {
        BlobStore store = result(Storage.openBlobStore(uri, new StorageContext(vertx, dir)));
        result(store.put(Buffer.buffer("hello")));
        result(store.close());
    }

    @Test
    void aNamedProfileOfTheSharedCredentialsFile() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "[vfs-test]\naws_access_key_id = "
                + S3TestServer.ACCESS_KEY + "\naws_secret_access_key = " + S3TestServer.SECRET_KEY + "\n");
        System.setProperty("aws.sharedCredentialsFile", file.toString());

        storesABlock(withoutCredentials("&profile=vfs-test"));
    }

    @Test
    void theDefaultChainAndWrongKeysAreRefused() {
        System.setProperty("aws.accessKeyId", S3TestServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3TestServer.SECRET_KEY);
        storesABlock(withoutCredentials(""));

        System.setProperty("aws.secretAccessKey", "wrong");
        Throwable refused = failure(Storage.openBlobStore(withoutCredentials(""), new StorageContext(vertx, dir)));
        assertThat(refused).isInstanceOf(VfsException.Unavailable.class).hasMessageContaining("403");
    }
}
