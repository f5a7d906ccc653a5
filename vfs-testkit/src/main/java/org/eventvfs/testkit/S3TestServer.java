package org.eventvfs.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A real S3 API server on loopback, S3Proxy on an in-memory store, with one bucket: the S3 blob
 * store's tests talk HTTP and SigV4 to it exactly as to AWS, with nothing of the SDK mocked.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "eventvfs-test";
    public static final String SECRET_KEY = "eventvfs-test-secret";
    public static final String BUCKET = "blocks";
    private static final long START_TIMEOUT_MS = 30_000;

    private final S3Proxy proxy;
    private final BlobStore store;

    private S3TestServer(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    private static S3TestServer shared;

    /** One server for every test in this JVM, started on first use, stopped when the JVM exits. */
    public static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = start();
            S3TestServer stopping = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stopping.close();
                } catch (Exception e) {
                    // the JVM is going: nothing is left to tell
                }
            }, "s3-test-server-stop"));
        }
        return shared;
    }

    /** Starts the server, objects in memory, on a free port and creates {@link #BUCKET}. */
    public static S3TestServer start() {
        return start(null);
    }

    /** As {@link #start()}, objects as files under {@code folder} if it is not null. */
    public static S3TestServer start(Path folder) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        if (folder != null) {
            properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        }
        BlobStore store = BlobStores.create(folder == null ? "transient" : "filesystem", properties);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (!proxy.getState().equals("STARTED")) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
        store.createContainer(BUCKET);
        return new S3TestServer(proxy, store);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The blob store URI for blocks under {@code prefix}, with the test credentials in it. */
    public URI blobsUri(String prefix) {
        return blobsUri(endpoint(), prefix);
    }

    /** As {@link #blobsUri(String)} through another endpoint, e.g. a fault-injecting proxy. */
    public URI blobsUri(URI endpoint, String prefix) {
        return URI.create("s3://" + ACCESS_KEY + ":" + SECRET_KEY + "@" + BUCKET + "/" + prefix
                + "?endpoint=" + endpoint + "&region=us-east-1");
    }

    /** The object keys stored under {@code prefix}, straight from the server's store. */
    public java.util.List<String> keys(String prefix) {
        return store.list(software.amazon.awssdk.services.s3.model.ListObjectsV2Request.builder()
                        .bucket(BUCKET).prefix(prefix).build())
                .contents().stream().map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
    }

    /**
     * {@code S3TestServer FOLDER}: serves objects stored under FOLDER, prints
     * {@code endpoint http://127.0.0.1:PORT} and runs until killed; for the S3 benchmark.
     */
    public static void main(String[] args) throws Exception {
        S3TestServer server = start(Path.of(args[0]));
        System.out.println("endpoint " + server.endpoint());
        System.out.flush();
        Thread.currentThread().join();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
