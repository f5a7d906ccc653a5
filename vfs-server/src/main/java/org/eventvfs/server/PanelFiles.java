package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The control panel's pages, styles and scripts: plain files in the class path's {@code panel/}
 * folder, read once and kept. They hold no data (the scripts fetch it from the admin API after
 * login), so they are served to anyone.
 */
final class PanelFiles {
    private static final Pattern NAME = Pattern.compile("[a-z-]+\\.(html|css|js)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");
    /**
     * Scripts only from the panel's own files, never inline, so that text from the data that
     * slipped into a page unescaped still could not run; no framing, no posting elsewhere.
     */
    private static final String POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";

    private final Vertx vertx;
    private final Map<String, Buffer> read = new ConcurrentHashMap<>();

    PanelFiles(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Sends the file {@code name}, or 404 if the panel has none of that name. */
    void send(HttpServerRequest request, String name) {
        HttpServerResponse response = request.response();
        if (!NAME.matcher(name).matches()) {
            response.setStatusCode(404).end();
            return;
        }
        content(name).onComplete(found -> {
            if (found.failed() || found.result() == null) {
                response.setStatusCode(404).end();
                return;
            }
            headers(response).putHeader("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                    .end(found.result());
        });
    }

    /** The headers every answer of the admin port carries: what a browser may do with it. */
    static HttpServerResponse headers(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                // The join page's address holds an invite code: it must not leak to another site.
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
    }

    private Future<Buffer> content(String name) {
        Buffer known = read.get(name);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return vertx.executeBlocking(() -> {
            try (InputStream in = PanelFiles.class.getResourceAsStream("/panel/" + name)) {
                if (in == null) {
                    return null;
                }
                Buffer bytes = Buffer.buffer(in.readAllBytes());
                read.put(name, bytes);
                return bytes;
            } catch (IOException e) {
                throw new IllegalStateException("the panel's file " + name + " cannot be read", e);
            }
        });
    }
}
