package org.eventvfs.webdav;

import io.vertx.core.http.HttpConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A session id per HTTP connection, for the actor of every event a request on it causes. */
final class Sessions {
    private static final AtomicLong NEXT = new AtomicLong();
    private static final Map<HttpConnection, String> IDS = new ConcurrentHashMap<>();

    private Sessions() {
    }

    static String of(HttpConnection connection) {
        return IDS.computeIfAbsent(connection, c -> {
            c.closeHandler(closed -> IDS.remove(c));
            return "webdav-" + NEXT.incrementAndGet();
        });
    }
}
