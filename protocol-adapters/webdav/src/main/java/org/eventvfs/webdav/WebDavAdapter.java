package org.eventvfs.webdav;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventvfs.HttpSessions;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;

/**
 * WebDAV (RFC 4918, classes 1 and 2) on the Vert.x HTTP server: every request is handled on an
 * event loop without blocking, content streams in and out block by block, and each user sees
 * the home of their account as the root of the URL space. One listener per core shares the port,
 * so connections spread over the event loops.
 */
public final class WebDavAdapter implements ProtocolAdapter {
    /** Long enough for a path of 4,096 bytes percent-encoded, and for If headers with many tokens. */
    private static final int MAX_LINE = 64 * 1024;
    /** PUT bodies reach the handler in pieces of up to this size: fewer, larger writes into a block. */
    private static final int UPLOAD_CHUNK = 256 * 1024;

    private Vertx vertx;
    private final List<String> deployments = new ArrayList<>();
    /** The handler every listener shares, which a reload gives new settings. */
    private volatile WebDavHandler handler;

    @Override
    public String name() {
        return "webdav";
    }

    @Override
    public int defaultPort() {
        return 8080;
    }

    @Override
    public Future<String> start(AdapterContext context) {
        WebDavSettings settings;
        try {
            settings = WebDavSettings.parse(context.settings());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        vertx = context.vertx();
        HttpSessions connections = new HttpSessions(context.vfs().sessions(), name());
        WebDavHandler requests = new WebDavHandler(vertx, context.vfs(), settings, connections,
                context.dataDirectory(), context.historyFolder());
        handler = requests;
        // Listeners of one deployment share their port, even a random one (port 0).
        HttpServerOptions options = options(context, settings, context.port());
        AtomicInteger port = new AtomicInteger();
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        return vertx.deployVerticle(() -> new Listener(options, requests, connections, port),
                        new DeploymentOptions().setInstances(instances))
                .map(id -> {
                    deployments.add(id);
                    return (settings.https() ? "https://" : "http://") + context.bind() + ":" + port.get();
                })
                .recover(failure -> Future.failedFuture(failure instanceof BindException
                        ? new BindException("port " + context.port() + " on " + context.bind() + " cannot be used ("
                                + failure.getMessage() + ")") : failure));
    }

    @Override
    public Set<String> reloadableSettings() {
        return WebDavSettings.RELOADABLE;
    }

    @Override
    public Runnable reconfigure(Map<String, Object> section) {
        WebDavSettings settings = WebDavSettings.parse(section);
        return () -> handler.reconfigure(settings);
    }

    @Override
    public Future<Void> stop() {
        List<Future<Void>> undeployed = new ArrayList<>();
        for (String id : deployments) {
            undeployed.add(vertx.undeploy(id));
        }
        deployments.clear();
        return Future.join(undeployed).mapEmpty();
    }

    private static HttpServerOptions options(AdapterContext context, WebDavSettings settings, int port) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(context.bind())
                .setPort(port)
                .setHandle100ContinueAutomatically(true)
                .setMaxInitialLineLength(MAX_LINE)
                .setMaxHeaderSize(MAX_LINE)
                .setMaxChunkSize(UPLOAD_CHUNK)
                .setTcpNoDelay(true);
        if (settings.https()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(settings.certificate()).setKeyPath(settings.privateKey()));
        }
        return options;
    }

    /** One HTTP server on the event loop of its own deployment instance. */
    private static final class Listener extends VerticleBase {
        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> handler;
        private final Handler<HttpConnection> connections;
        private final AtomicInteger port;

        Listener(HttpServerOptions options, Handler<HttpServerRequest> handler, Handler<HttpConnection> connections,
                 AtomicInteger port) {
            this.options = options;
            this.handler = handler;
            this.connections = connections;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(handler).connectionHandler(connections).listen()
                    .onSuccess(server -> port.set(server.actualPort()));
        }
    }
}
