package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.TimeUnit;
import org.eventvfs.Vfs;

/**
 * {@code /health/live} and {@code /health/ready}, on the admin socket and the metrics port. Live
 * means the process answers; ready means its stores answer too (a list of volumes within
 * {@value #READY_TIMEOUT_SECONDS} s), so a load balancer stops sending clients to a server whose
 * database is gone.
 */
final class Health {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    private static final long READY_TIMEOUT_SECONDS = 2;

    private Health() {
    }

    static void live(HttpServerResponse response) {
        response.putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "live").encode());
    }

    static void ready(Vfs vfs, Vertx vertx, HttpServerResponse response) {
        Future<Boolean> answered = vfs.volumes().map(names -> true);
        long timer = vertx.setTimer(TimeUnit.SECONDS.toMillis(READY_TIMEOUT_SECONDS),
                fired -> send(response, false, "the stores did not answer within " + READY_TIMEOUT_SECONDS + " s"));
        answered.onComplete(done -> {
            vertx.cancelTimer(timer);
            send(response, done.succeeded(), done.succeeded() ? null : FailureReporter.oneLine(done.cause()));
        });
    }

    private static void send(HttpServerResponse response, boolean ready, String why) {
        if (response.ended()) {
            return;
        }
        JsonObject body = ready ? new JsonObject().put("status", "ready")
                : new JsonObject().put("status", "not ready").put("reason", why);
        response.setStatusCode(ready ? 200 : 503).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
