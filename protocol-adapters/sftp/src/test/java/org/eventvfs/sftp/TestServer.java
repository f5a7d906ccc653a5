package org.eventvfs.sftp;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eventvfs.PasswordHasher;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.testkit.StoreFixture;

/** A Vfs on a temporary folder with the SFTP adapter on a free loopback port, and its users. */
final class TestServer implements AutoCloseable {
    static final String VOLUME = "main";

    final Vertx vertx = Vertx.vertx();
    final Path data = StoreFixture.tempDirectory();
    final Vfs vfs;
    final SftpAdapter adapter = new SftpAdapter();
    final int port;
    private final List<EventEnvelope> events = Collections.synchronizedList(new ArrayList<>());

    TestServer() {
        this(Map.of());
    }

    TestServer(Map<String, Object> settings) {
        vfs = Vfs.open(vertx, VfsOptions.embedded(data.resolve("vfs")).withBlockSize(64 * 1024)).await();
        vertx.eventBus().<EventEnvelope>consumer(Vfs.eventsAddress(VOLUME), message -> events.add(message.body()));
        String address = adapter.start(new AdapterContext(vertx, vfs, "127.0.0.1", 0, data, settings)).await();
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Adds a user whose home is {@code /home/<name>}, created empty. */
    void addUser(String name, String password, List<String> keys, boolean readOnly) {
        VfsPath home = VfsPath.parse("/home/" + name);
        createDirectory(VfsPath.parse("/home"));
        createDirectory(home);
        String hash = password == null ? null : PasswordHasher.hash(password.toCharArray());
        vfs.accounts().execute(new AccountCommand.AddUser(name, hash, keys, VOLUME, home, readOnly),
                Actor.cli("test")).await();
    }

    private void createDirectory(VfsPath path) {
        try {
            volume().execute(new VolumeCommand.CreateDirectory(path, 0755), Actor.SYSTEM).await();
        } catch (VfsException.AlreadyExists e) {
            // made for an earlier user
        }
    }

    Volume volume() {
        return vfs.volume(VOLUME).await();
    }

    /** The events of the volume published since the server started, in order. */
    List<EventEnvelope> events() {
        // Events are published before a command is answered but reach a consumer asynchronously:
        // wait until every durable one has arrived.
        long position = volume().position();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            synchronized (events) {
                boolean caughtUp = events.isEmpty() ? position == 0 : events.getLast().position() >= position;
                if (caughtUp || System.nanoTime() > deadline) {
                    return List.copyOf(events);
                }
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        adapter.stop().await();
        vfs.close().await();
        vertx.close().await();
        StoreFixture.delete(data);
    }
}
