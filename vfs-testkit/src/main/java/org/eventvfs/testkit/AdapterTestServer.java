package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eventvfs.LiveSession;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;

/**
 * A protocol adapter on a free loopback port over a Vfs in a temporary folder (the stores
 * {@link AdapterStores} chooses), in one volume {@value #VOLUME}: what every adapter's tests run
 * against. Each adapter's fixture extends it with its clients and users.
 */
public class AdapterTestServer<A extends ProtocolAdapter> implements AutoCloseable {
    public static final String VOLUME = "main";

    public final Vertx vertx = Vertx.vertx();
    public final Path data = StoreFixture.tempDirectory();
    public final Vfs vfs;
    public final A adapter;
    /** What the adapter said it bound, e.g. {@code 127.0.0.1:40123} or {@code http://127.0.0.1:40123}. */
    public final String address;
    public final int port;
    private final PublishedEvents events;

    protected AdapterTestServer(A adapter, Map<String, Object> settings) {
        this.adapter = adapter;
        vfs = Vfs.open(vertx, AdapterStores.options(data.resolve("vfs"))).await();
        events = new PublishedEvents(vertx, VOLUME, () -> volume().position());
        address = adapter.start(new AdapterContext(vertx, vfs, "127.0.0.1", 0, data, settings)).await();
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Adds a user whose home is {@code /home/<name>}, created empty; a null password makes a key-only user. */
    public void addUser(String name, String password, List<String> keys, boolean readOnly) {
        TestUsers.add(vfs, VOLUME, name, password, keys, readOnly);
    }

    public Volume volume() {
        return vfs.volume(VOLUME).await();
    }

    /**
     * The live sessions of {@code protocol}, oldest first, once there are {@code count} (sessions
     * open and close on the adapter's threads, after the client's call returns); fails the test if
     * that takes ten seconds, or if the stats count otherwise.
     */
    public List<LiveSession> awaitSessions(String protocol, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<LiveSession> open = sessions(protocol);
        while (open.size() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            open = sessions(protocol);
        }
        assertThat(open).as("live %s sessions", protocol).hasSize((int) count);
        assertThat(vfs.stats().snapshot().sessions()).containsEntry(protocol, count);
        return open;
    }

    private List<LiveSession> sessions(String protocol) {
        return vfs.sessions().list().stream().filter(s -> s.protocol().equals(protocol)).toList();
    }

    /** The volume's events published since the server started, in order. */
    public List<EventEnvelope> events() {
        return events.all();
    }

    @Override
    public void close() {
        adapter.stop().await();
        vfs.close().await();
        vertx.close().await();
        StoreFixture.delete(data);
    }
}
