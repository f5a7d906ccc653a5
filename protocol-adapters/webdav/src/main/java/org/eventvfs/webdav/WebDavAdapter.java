package org.eventvfs.webdav;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.net.BindException;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;

/**
 * WebDAV (RFC 4918, classes 1 and 2) on the Vert.x HTTP server: every request is handled on an
 * event loop without blocking, content streams in and out block by block, and each user sees
 * the home of their account as the root of the URL space.
 */
public final class WebDavAdapter implements ProtocolAdapter {
    /** Long enough for a path of 4,096 bytes percent-encoded, and for If headers with many tokens. */
    private static final int MAX_LINE = 64 * 1024;

    /** PUT bodies reach the handler in pieces of up to this size: fewer, larger writes into a block. */
    private static final int UPLOAD_CHUNK = 256 * 1024;

    private HttpServer server;

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
        HttpServerOptions options = new HttpServerOptions()
                .setHost(context.bind())
                .setPort(context.port())
                .setHandle100ContinueAutomatically(true)
                .setMaxInitialLineLength(MAX_LINE)
                .setMaxHeaderSize(MAX_LINE)
                .setMaxChunkSize(UPLOAD_CHUNK)
                .setTcpNoDelay(true);
        if (settings.https()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(settings.certificate()).setKeyPath(settings.privateKey()));
        }
        HttpServer http = context.vertx().createHttpServer(options)
                .requestHandler(new WebDavHandler(context.vertx(), context.vfs(), settings, context.dataDirectory()));
        return http.listen().recover(failure -> Future.failedFuture(failure instanceof BindException
                        ? new BindException("port " + context.port() + " on " + context.bind() + " cannot be used ("
                                + failure.getMessage() + ")") : failure))
                .map(bound -> {
                    server = bound;
                    return (settings.https() ? "https://" : "http://") + context.bind() + ":" + bound.actualPort();
                });
    }

    @Override
    public Future<Void> stop() {
        HttpServer running = server;
        server = null;
        return running == null ? Future.succeededFuture() : running.close();
    }
}
