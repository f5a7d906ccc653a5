package org.eventvfs.webdav;

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

/**
 * A Vfs on a temporary folder with the WebDAV adapter on a free loopback port, and three users:
 * alice and bob may write in their homes, reader may only read hers.
 */
final class DavServer implements AutoCloseable {
    static final String VOLUME = "main";
    static final String PASSWORD = "correct horse";

    final Vertx vertx = Vertx.vertx();
    final Path data = StoreFixture.tempDirectory();
    final Vfs vfs;
    final WebDavAdapter adapter = new WebDavAdapter();
    final String url;
    private final PublishedEvents events;

    DavServer() {
        this(Map.of());
    }

    DavServer(Map<String, Object> settings) {
        vfs = Vfs.open(vertx, AdapterStores.options(data.resolve("vfs"))).await();
        events = new PublishedEvents(vertx, VOLUME, () -> volume().position());
        addUser("alice", false);
        addUser("bob", false);
        addUser("reader", true);
        url = adapter.start(new AdapterContext(vertx, vfs, "127.0.0.1", 0, data, settings)).await();
    }

    /** A client logged in as {@code user} with the right password. */
    DavClient client(String user) {
        return new DavClient(url, user, PASSWORD);
    }

    private void addUser(String name, boolean readOnly) {
        TestUsers.add(vfs, VOLUME, name, PASSWORD, List.of(), readOnly);
    }

    Volume volume() {
        return vfs.volume(VOLUME).await();
    }

    /** The volume's events published since the server started, in order. */
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
