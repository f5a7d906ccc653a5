package org.eventvfs.server;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.eventvfs.Vfs;

/** A server started in this JVM the way {@code vfs run} starts it, on a data folder, with no protocol port. */
final class TestServer implements AutoCloseable {
    private final Vertx vertx;
    private final Server server;

    private TestServer(Vertx vertx, Server server) {
        this.vertx = vertx;
        this.server = server;
    }

    static TestServer start(Path data) {
        return start(config(data));
    }

    static TestServer start(ServerConfig config) {
        Vertx vertx = Vertx.vertx();
        try {
            return new TestServer(vertx, Server.start(vertx, config).await());
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
    }

    static ServerConfig config(Path data) {
        return config(data, Map.of(), Map.of());
    }

    /** Only the listeners {@code ports} names, with their {@code settings}. */
    static ServerConfig config(Path data, Map<Protocol, Integer> ports, Map<Protocol, Map<String, Object>> settings) {
        Map<Protocol, Integer> only = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            only.put(protocol, ports.getOrDefault(protocol, 0));
        }
        return ServerConfig.withDefaults(new ConfigLayer(data, null, null, null, only, settings));
    }

    /** Flags that turn every protocol listener off. */
    static String[] noPorts() {
        return new String[] {"--sftp-port", "0", "--webdav-port", "0", "--ftp-port", "0", "--http-port", "0", "--metrics-port", "0"};
    }

    Vertx vertx() {
        return vertx;
    }

    Vfs vfs() {
        return server.vfs();
    }

    String readyLine() {
        return server.readyLine();
    }

    @Override
    public void close() {
        try {
            server.stop().await();
        } finally {
            vertx.close().await();
        }
    }
}
