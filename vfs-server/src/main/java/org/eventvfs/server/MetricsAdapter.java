package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in metrics port ({@code metrics.port}, {@code --metrics-port}): {@code /metrics} in the
 * Prometheus text format, {@code /health/live} and {@code /health/ready}. Nothing on it changes
 * anything or names a user, so it has no login; it listens on the configured bind address, and a
 * warning says so when that is not loopback.
 */
public final class MetricsAdapter implements ProtocolAdapter {
    static final String METRICS = "/metrics";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsAdapter.class);

    private HttpServer server;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public int defaultPort() {
        return 0;
    }

    @Override
    public Future<String> start(AdapterContext context) {
        try {
            requireNoSettings(context.settings());
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        HttpServerOptions options = new HttpServerOptions().setHost(context.bind()).setPort(context.port());
        return context.vertx().createHttpServer(options).requestHandler(request -> answer(context, request)).listen()
                .map(listening -> {
                    server = listening;
                    if (!ConfigValues.isLoopback(context.bind())) {
                        LOG.warn("metrics: serving /metrics without a login on {}:{}, beyond this machine",
                                context.bind(), listening.actualPort());
                    }
                    return "http://" + context.bind() + ":" + listening.actualPort() + METRICS;
                });
    }

    /** Nothing to change, but a key it does not know is refused at a reload as at the start. */
    @Override
    public Runnable reconfigure(Map<String, Object> settings) {
        requireNoSettings(settings);
        return () -> { };
    }

    private static void requireNoSettings(Map<String, Object> settings) {
        if (!settings.isEmpty()) {
            throw new ConfigException("metrics: the only key is port, not " + settings.keySet());
        }
    }

    private static void answer(AdapterContext context, HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            request.response().setStatusCode(405).putHeader("Allow", "GET").end();
            return;
        }
        switch (request.path()) {
            case METRICS -> StatsReport.of(context.vfs()).onComplete(report -> {
                if (report.succeeded()) {
                    request.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                            .end(report.result().prometheus());
                } else {
                    request.response().setStatusCode(503).end(FailureReporter.oneLine(report.cause()) + "\n");
                }
            });
            case Health.LIVE -> Health.live(request.response());
            case Health.READY -> Health.ready(context.vfs(), context.vertx(), request.response());
            default -> request.response().setStatusCode(404).end("the paths are " + METRICS + ", " + Health.LIVE
                    + " and " + Health.READY + "\n");
        }
    }

    @Override
    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
