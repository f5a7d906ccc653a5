package org.eventvfs.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.testkit.AdapterStores;
import org.eventvfs.testkit.PublishedEvents;
import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.TestUsers;

/**
 * A Vfs on a temporary folder with the FTP adapter on a free loopback port, and three users:
 * alice and bob may write in their homes, reader may only read hers.
 */
final class FtpTestServer implements AutoCloseable {
    static final String VOLUME = "main";
    static final String PASSWORD = "correct horse";

    final Vertx vertx = Vertx.vertx();
    final Path data = StoreFixture.tempDirectory();
    final Vfs vfs;
    final FtpAdapter adapter = new FtpAdapter();
    final int port;
    private final PublishedEvents events;

    FtpTestServer() {
        this(Map.of());
    }

    FtpTestServer(Map<String, Object> settings) {
        vfs = Vfs.open(vertx, AdapterStores.options(data.resolve("vfs"))).await();
        events = new PublishedEvents(vertx, VOLUME, () -> volume().position());
        TestUsers.add(vfs, VOLUME, "alice", PASSWORD, List.of(), false);
        TestUsers.add(vfs, VOLUME, "bob", PASSWORD, List.of(), false);
        TestUsers.add(vfs, VOLUME, "reader", PASSWORD, List.of(), true);
        String address = adapter.start(new AdapterContext(vertx, vfs, "127.0.0.1", 0, data, settings)).await();
        port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** A client connected, logged in as {@code user}, in binary mode and passive. */
    FTPClient login(String user) throws IOException {
        FTPClient client = connect();
        assertThat(client.login(user, PASSWORD)).as(client.getReplyString()).isTrue();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    /** A client connected but not logged in. */
    FTPClient connect() throws IOException {
        FTPClient client = new FTPClient();
        client.setControlEncoding("UTF-8");
        client.setDefaultTimeout(20_000);
        client.setDataTimeout(java.time.Duration.ofSeconds(20));
        client.connect("127.0.0.1", port);
        return client;
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
