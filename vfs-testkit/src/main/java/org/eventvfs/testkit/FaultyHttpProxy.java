package org.eventvfs.testkit;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on loopback in front of a real server (S3Proxy) that answers some requests with a
 * fault instead: a 500 or 503 of S3's shape, a body that stalls half-way, or a connection dropped
 * before or after the real server acted. The Host header passes unchanged, so SigV4 still holds.
 */
public final class FaultyHttpProxy implements AutoCloseable {
    /** What the proxy does with one request. */
    public enum Fault {
        NONE, ERROR_500, ERROR_503, SLOW_BODY, DROP_BEFORE, DROP_AFTER
    }

    /** Chooses each request's fault. */
    @FunctionalInterface
    public interface Plan {
        Fault next(HttpMethod method, int request);

        static Plan none() {
            return (method, request) -> Fault.NONE;
        }

        static Plan always(Fault fault) {
            return (method, request) -> fault;
        }

        /** {@code fault} for every other request of {@code method}, starting with the first. */
        static Plan everyOther(HttpMethod method, Fault fault) {
            AtomicInteger seen = new AtomicInteger();
            return (m, request) -> m.equals(method) && seen.getAndIncrement() % 2 == 0 ? fault : Fault.NONE;
        }

        /** Each request gets one of {@code faults} with probability {@code p}, reproducibly for a seed. */
        static Plan random(long seed, double p, Fault... faults) {
            Random random = new Random(seed);
            return (m, request) -> {
                synchronized (random) {
                    return random.nextDouble() < p ? faults[random.nextInt(faults.length)] : Fault.NONE;
                }
            };
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpClient client;
    private final SocketAddress target;
    private final long stallMillis;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final java.util.Map<HttpMethod, AtomicInteger> byMethod = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Plan plan = Plan.none();

    private FaultyHttpProxy(Vertx vertx, URI target, long stallMillis) {
        this.vertx = vertx;
        this.target = SocketAddress.inetSocketAddress(target.getPort(), target.getHost());
        this.stallMillis = stallMillis;
        this.client = vertx.createHttpClient();
        this.server = vertx.createHttpServer(new HttpServerOptions().setHandle100ContinueAutomatically(true))
                .requestHandler(this::handle);
    }

    /** Listens on a free loopback port; a stalled body waits {@code stallMillis} before its second half. */
    public static FaultyHttpProxy start(Vertx vertx, URI target, long stallMillis) {
        FaultyHttpProxy proxy = new FaultyHttpProxy(vertx, target, stallMillis);
        proxy.server.listen(0, "127.0.0.1").await();
        return proxy;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    public void plan(Plan next) {
        plan = next;
    }

    /** Requests received, and of those answered with a fault. */
    public int requests() {
        return requests.get();
    }

    public int faults() {
        return faults.get();
    }

    /** Requests of one method received so far. */
    public int requests(HttpMethod method) {
        AtomicInteger count = byMethod.get(method);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpServerRequest request) {
        byMethod.computeIfAbsent(request.method(), m -> new AtomicInteger()).incrementAndGet();
        Fault fault = plan.next(request.method(), requests.incrementAndGet());
        if (fault != Fault.NONE) {
            faults.incrementAndGet();
        }
        request.body().onSuccess(body -> {
            switch (fault) {
                case ERROR_500 -> error(request.response(), 500, "InternalError");
                case ERROR_503 -> error(request.response(), 503, "SlowDown");
                case DROP_BEFORE -> request.connection().close();
                case DROP_AFTER -> forward(request, body).onComplete(answer -> request.connection().close());
                case SLOW_BODY -> forward(request, body).onSuccess(answer -> stall(request.response(), answer));
                case NONE -> forward(request, body).onSuccess(answer -> answer.send(request.response()))
                        .onFailure(failure -> request.connection().close());
            }
        });
    }

    private static void error(HttpServerResponse response, int status, String code) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/xml")
                .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                        + "</Code><Message>injected by the test proxy</Message></Error>");
    }

    /** Half the body, then a pause longer than the client waits, then the rest. */
    private void stall(HttpServerResponse response, Answer answer) {
        int half = answer.body.length() / 2;
        answer.head(response).putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(answer.body.length()));
        response.write(answer.body.getBuffer(0, half));
        vertx.setTimer(stallMillis, t -> {
            if (!response.closed()) {
                response.end(answer.body.getBuffer(half, answer.body.length()));
            }
        });
    }

    private Future<Answer> forward(HttpServerRequest request, Buffer body) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        headers.remove(HttpHeaders.HOST).remove(HttpHeaders.EXPECT).remove(HttpHeaders.CONTENT_LENGTH)
                .remove(HttpHeaders.TRANSFER_ENCODING);
        RequestOptions options = new RequestOptions().setServer(target).setMethod(request.method())
                .setURI(request.uri()).setHeaders(headers)
                .setHost(request.authority().host()).setPort(request.authority().port());
        return client.request(options)
                .compose(outgoing -> outgoing.send(body))
                .compose(response -> response.body().map(content -> new Answer(response.statusCode(),
                        MultiMap.caseInsensitiveMultiMap().addAll(response.headers()), content)));
    }

    private record Answer(int status, MultiMap headers, Buffer body) {
        HttpServerResponse head(HttpServerResponse response) {
            response.setStatusCode(status);
            headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                    response.headers().add(name, value);
                }
            });
            return response;
        }

        void send(HttpServerResponse response) {
            head(response).end(body);
        }
    }

    @Override
    public void close() {
        server.close().await();
        client.close().await();
    }
}
