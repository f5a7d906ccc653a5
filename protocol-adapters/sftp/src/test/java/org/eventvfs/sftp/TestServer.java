package org.eventvfs.sftp;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.testkit.AdapterStores;
import org.eventvfs.testkit.PublishedEvents;
import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.TestUsers;

/** A Vfs on a temporary folder with the SFTP adapter on a free loopback port, and its users. */
final class TestServer implements AutoCloseable {
    static final String VOLUME = "main";

    final Vertx vertx = Vertx.vertx();
    final Path data = StoreFixture.tempDirectory();
    final Vfs vfs;
    final SftpAdapter adapter = new SftpAdapter();
    final int port;
    private final PublishedEvents events;

    TestServer() {
        this(Map.of());
    }

    TestServer(Map<String, Object> settings) {
        vfs = Vfs.open(vertx, AdapterStores.options(data.resolve("vfs"))).await();
        events = new PublishedEvents(vertx, VOLUME, () -> volume().position());
        String address = adapter.start(new AdapterContext(vertx, vfs, "127.0.0.1", 0, data, settings)).await();
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Adds a user whose home is {@code /home/<name>}, created empty. */
    void addUser(String name, String password, List<String> keys, boolean readOnly) {
        TestUsers.add(vfs, VOLUME, name, password, keys, readOnly);
    }

    Volume volume() {
        return vfs.volume(VOLUME).await();
    }

    /** The events of the volume published since the server started, in order. */
    List<EventEnvelope> events() {
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
