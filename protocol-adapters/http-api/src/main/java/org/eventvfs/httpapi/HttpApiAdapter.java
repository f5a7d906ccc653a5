package org.eventvfs.httpapi;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.BindException;
import java.util.Map;
import java.util.Set;
import org.eventvfs.HttpSessions;
import org.eventvfs.LoginThrottle;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;

/**
 * The HTTP/JSON API (docs/http-api.md) on the Vert.x HTTP server: a volume's log, the history of
 * a file, its trees and file revisions as of any position, for users who log in with HTTP Basic
 * and see only their own home. Read-only; every request is answered on an event loop without blocking.
 */
public final class HttpApiAdapter implements ProtocolAdapter {
    private HttpServer server;
    /** The login throttle of the running API, which a reload gives new limits. */
    private volatile LoginThrottle throttle;

    @Override
    public String name() {
        return "http";
    }

    /** The port the documentation suggests; the server leaves the API off unless one is configured. */
    @Override
    public int defaultPort() {
        return 8090;
    }

    @Override
    public Future<String> start(AdapterContext context) {
        HttpApiSettings settings;
        try {
            settings = HttpApiSettings.parse(context.settings());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        throttle = LoginThrottle.of(settings.slowAfter(), settings.banAfter(), settings.banTime());
        HttpSessions sessions = new HttpSessions(context.vfs().sessions(), name());
        ApiRoutes routes = new ApiRoutes(context.vertx(), context.vfs(), throttle, settings.loginCache(), sessions);
        HttpServerOptions options = new HttpServerOptions().setHost(context.bind()).setPort(context.port())
                .setTcpNoDelay(true);
        return context.vertx().createHttpServer(options).requestHandler(routes)
                .connectionHandler(sessions).listen()
                .map(listening -> {
                    server = listening;
                    return "http://" + context.bind() + ":" + listening.actualPort();
                })
                .recover(failure -> Future.failedFuture(failure instanceof BindException
                        ? new BindException("port " + context.port() + " on " + context.bind() + " cannot be used ("
                                + failure.getMessage() + ")") : failure));
    }

    @Override
    public Set<String> reloadableSettings() {
        return LoginThrottle.SETTINGS;
    }

    @Override
    public Runnable reconfigure(Map<String, Object> section) {
        HttpApiSettings settings = HttpApiSettings.parse(section);
        return () -> throttle.limit(settings.slowAfter(), settings.banAfter(), settings.banTime());
    }

    @Override
    public Future<Void> stop() {
        HttpServer running = server;
        server = null;
        return running == null ? Future.succeededFuture() : running.close();
    }
}
