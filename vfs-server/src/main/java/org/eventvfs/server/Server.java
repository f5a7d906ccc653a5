package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Vfs;

/**
 * A running server: the data folder's lock, the {@link Vfs}, the admin socket, the protocol
 * adapters and the admin port, started in that order and stopped in reverse. Nothing is served
 * unless all started. A new configuration is applied where it can be while serving
 * ({@link ConfigReload}); the admin port's settings need a restart.
 */
final class Server {
    private final Vfs vfs;
    private final String readyLine;
    private final StopSequence started;
    private final ConfigReload reload;

    private Server(Vfs vfs, String readyLine, StopSequence started, ConfigReload reload) {
        this.vfs = vfs;
        this.readyLine = readyLine;
        this.started = started;
        this.reload = reload;
    }

    /** Starts every configured part; on any failure stops what had started and fails with one line. */
    static Future<Server> start(Vertx vertx, ServerConfig config) {
        StopSequence started = new StopSequence();
        return LockedStores.open(vertx, config).compose(stores -> {
            started.add("the stores", stores::close);
            Vfs vfs = stores.vfs();
            return AdminServer.start(vertx, config.adminSocket(), vfs)
                    .recover(CommandFailure.during("admin socket " + config.adminSocket()))
                    .compose(admin -> {
                        started.add("the admin socket", admin::close);
                        return ProtocolAdapters.start(vertx, vfs, config, started);
                    })
                    .compose(served -> adminPort(vertx, vfs, config, started, served.addresses())
                            .map(addresses -> new Server(vfs, readyLine(config, addresses), started,
                                    new ConfigReload(config, served.adapters()))))
                    .recover(failure -> started.stopAll().transform(stopped -> Future.failedFuture(failure)));
        });
    }

    /** The admin port, if one is configured, after the protocols whose ports its join page names. */
    private static Future<List<String>> adminPort(Vertx vertx, Vfs vfs, ServerConfig config, StopSequence started,
                                                  List<String> served) {
        int port = config.port(Protocol.ADMIN);
        if (port == 0) {
            return Future.succeededFuture(served);
        }
        return AdminListener.start(vertx, vfs, config)
                .recover(CommandFailure.during("admin on " + config.bind() + ":" + port))
                .map(listener -> {
                    started.add("the admin port", listener::close);
                    List<String> all = new ArrayList<>(served);
                    all.add(Protocol.ADMIN.key() + " " + listener.address());
                    return all;
                });
    }

    Vfs vfs() {
        return vfs;
    }

    /** {@code ready: data …, events …, blobs …, admin …, sftp 127.0.0.1:2222, …}: what is served. */
    String readyLine() {
        return readyLine;
    }

    /**
     * Applies what can change of {@code next} while serving, and answers the line to log naming what
     * changed; fails with a {@link ConfigException}, changing nothing, if a part refuses its settings.
     */
    String reload(ServerConfig next) {
        return reload.apply(next);
    }

    /** Stops the adapters, the admin socket and the stores (which snapshot), then releases the lock. */
    Future<Void> stop() {
        return started.stopAll();
    }

    private static String readyLine(ServerConfig config, List<String> served) {
        List<String> parts = new ArrayList<>(List.of(
                "data " + config.data(),
                "events " + ConfigValues.shown(config.events()),
                "blobs " + ConfigValues.shown(config.blobs()),
                "admin " + config.data().resolve(AdminServer.SOCKET_FILE)));
        parts.addAll(served);
        return "ready: " + String.join(", ", parts);
    }
}
