package org.eventvfs.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.eventvfs.BlockCheck;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.FaultyHttpProxy;
import org.eventvfs.testkit.FaultyHttpProxy.Fault;
import org.eventvfs.testkit.FaultyHttpProxy.Plan;
import org.eventvfs.testkit.S3TestServer;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The S3 blob store behind a proxy that answers 500, 503, stalls bodies and drops connections:
 * requests are retried and succeed, or fail cleanly once the attempts run out, and no event ever
 * references a block that is not stored.
 */
@Timeout(120)
class S3FaultsTest {
    /** Each attempt may take this long; a stalled body waits three times as long. */
    private static final String TIMEOUT = "1s";
    private static final long STALL_MS = 3_000;

    private final S3TestServer s3 = S3TestServer.shared();
    private final String prefix = "faults-" + UUID.randomUUID();
    private Vertx vertx;
    private FaultyHttpProxy proxy;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        proxy = FaultyHttpProxy.start(vertx, s3.endpoint(), STALL_MS);
    }

    @AfterEach
    void stop() {
        proxy.close();
        vertx.close().await();
    }

    private URI throughProxy(int attempts) {
        return URI.create(s3.blobsUri(proxy.endpoint(), prefix) + "&timeout=" + TIMEOUT + "&attempts=" + attempts);
    }

    private BlobStore open(URI uri) {
        return result(Storage.openBlobStore(uri, new StorageContext(vertx, Path.of("unused"))));
    }

    @Test
    void putsAndGetsAreRetriedThroughEachKindOfFault() {
        BlobStore store = open(throughProxy(4));
        for (Fault fault : new Fault[] {Fault.ERROR_500, Fault.ERROR_503, Fault.DROP_BEFORE, Fault.DROP_AFTER,
                Fault.SLOW_BODY}) {
            byte[] bytes = bytes(200_000, fault.ordinal());
            int faultsBefore = proxy.faults();
            proxy.plan(Plan.everyOther(HttpMethod.PUT, fault));
            Sha256 hash = result(store.put(Buffer.buffer(bytes)));
            proxy.plan(Plan.everyOther(HttpMethod.GET, fault));
            byte[] read = result(store.get(hash, 1000, 50_000)).getBytes();

            assertThat(read).as(fault.name()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 51_000));
            assertThat(proxy.faults() - faultsBefore).as(fault + " injected").isGreaterThanOrEqualTo(2);
        }
        result(store.close());
    }

    @Test
    void aBlockAlreadyStoredIsNotSentAgain() {
        BlobStore store = open(throughProxy(1));
        byte[] large = bytes(S3BlobStore.CONDITIONAL_PUT_BELOW + 1, 20);
        byte[] small = bytes(1000, 21);
        result(store.put(Buffer.buffer(large)));
        result(store.put(Buffer.buffer(small)));
        int puts = proxy.requests(HttpMethod.PUT);
        int heads = proxy.requests(HttpMethod.HEAD);

        result(store.put(Buffer.buffer(large)));
        assertThat(proxy.requests(HttpMethod.PUT)).as("a large block is looked up, not sent").isEqualTo(puts);
        assertThat(proxy.requests(HttpMethod.HEAD)).isEqualTo(heads + 1);

        result(store.put(Buffer.buffer(small)));
        assertThat(proxy.requests(HttpMethod.PUT)).as("a small block is sent on condition, refused").isEqualTo(puts + 1);
        assertThat(s3.keys(prefix)).hasSize(2);
        result(store.close());
    }

    @Test
    void aServiceThatKeepsFailingFailsTheRequestCleanly() {
        BlobStore store = open(throughProxy(3));
        proxy.plan(Plan.always(Fault.ERROR_503));
        int before = proxy.requests();
        long started = System.nanoTime();

        Throwable failure = failure(store.put(Buffer.buffer(bytes(1000, 9))));

        assertThat(failure).isInstanceOf(VfsException.Unavailable.class).hasMessageContaining("503");
        assertThat(proxy.requests() - before).as("one conditional PUT, tried three times").isEqualTo(3);
        assertThat(System.nanoTime() - started).isLessThan(30_000_000_000L);
        result(store.close());
    }

    @Test
    void noEventReferencesABlockThatIsNotStored() {
        Path data = StoreFixture.tempDirectory();
        VfsOptions options = VfsOptions.embedded(data).withBlobs(throughProxy(2)).withBlockSize(32 * 1024);
        Vfs vfs = StoreFixture.open(vertx, options);
        Volume volume = vfs.volume("main").await();
        proxy.plan(Plan.random(42, 0.25, Fault.ERROR_500, Fault.ERROR_503, Fault.DROP_BEFORE, Fault.DROP_AFTER));
        int committed = 0;
        int failed = 0;
        for (int i = 0; i < 30; i++) {
            try {
                Content content = upload(volume, bytes(100_000, 100 + i));
                volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/f" + i), content, 0644,
                        Overwrite.NEVER, null), new Actor("t", "test", "127.0.0.1", "s", "junit")).await();
                committed++;
            } catch (VfsException.Unavailable e) {
                failed++;
            }
        }
        proxy.plan(Plan.none());

        BlockCheck check = vfs.verifyBlocks().await();

        assertThat(committed).as("some uploads went through").isPositive();
        assertThat(failed).as("some uploads failed for good").isPositive();
        assertThat(check.missing()).isEmpty();
        assertThat(check.damaged()).isEmpty();
        vfs.close().await();
        StoreFixture.delete(data);
    }

    private static Content upload(Volume volume, byte[] data) {
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(data)).await();
        return upload.finish().await();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }
}
