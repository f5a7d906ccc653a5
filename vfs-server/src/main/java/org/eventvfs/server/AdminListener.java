package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import org.eventvfs.BasicLogin;
import org.eventvfs.HttpSessions;
import org.eventvfs.Vfs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API and the control panel on TCP ({@code admin.port}), only when configured and only
 * over TLS, for admin users who log in ({@link AdminGate}). The certificate's fingerprint is
 * logged at every start so that an operator can pin it, and a warning says when the port is
 * reachable from beyond this machine.
 */
final class AdminListener {
    private static final Logger LOG = LoggerFactory.getLogger(AdminListener.class);
    /** Basic sends the password with every request; Argon2id costs a tenth of a second each time. */
    private static final Duration LOGIN_CACHE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final String address;

    private AdminListener(HttpServer server, String address) {
        this.server = server;
        this.address = address;
    }

    /** Listens on the bind address and {@code admin.port}; fails on a bad setting, certificate or port. */
    static Future<AdminListener> start(Vertx vertx, Vfs vfs, ServerConfig config) {
        AdminSettings settings;
        try {
            settings = AdminSettings.parse(config.settings(Protocol.ADMIN));
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        return vertx.executeBlocking(() -> AdminCertificate.load(settings, config.dataFolder(), config.bind()))
                .compose(certificate -> {
                    BasicLogin basic = new BasicLogin(vertx, vfs, AdminLogin.PROTOCOL, settings.throttle(),
                            LOGIN_CACHE);
                    HttpSessions connections = new HttpSessions(vfs.sessions(), AdminLogin.PROTOCOL);
                    AdminGate gate = new AdminGate(vertx, new AdminRoutes(vertx, vfs),
                            new AdminLogin(vfs, basic, new PanelSessions(System::currentTimeMillis), connections),
                            new PanelFiles(vertx), JoinInstructions.of(config), settings.throttle());
                    HttpServerOptions options = new HttpServerOptions().setHost(config.bind())
                            .setPort(config.port(Protocol.ADMIN)).setSsl(true)
                            .setKeyCertOptions(certificate.keyCertOptions());
                    return vertx.createHttpServer(options).requestHandler(gate).connectionHandler(connections)
                            .listen()
                            .map(listening -> started(listening, config, certificate));
                });
    }

    private static AdminListener started(HttpServer server, ServerConfig config, AdminCertificate certificate) {
        String address = "https://" + config.bind() + ":" + server.actualPort();
        LOG.info("admin: the control panel is at {}{}; certificate {} SHA-256 {}, public key {}", address,
                AdminGate.PANEL, certificate.certificate(), certificate.fingerprint(), certificate.publicKeyPin());
        if (!ConfigValues.isLoopback(config.bind())) {
            LOG.warn("admin: the admin API listens on {}:{}, beyond this machine; admin users log in to it from "
                    + "anywhere that reaches the port", config.bind(), server.actualPort());
        }
        return new AdminListener(server, address);
    }

    /** {@code https://127.0.0.1:9443}. */
    String address() {
        return address;
    }

    Future<Void> close() {
        return server.close();
    }
}
