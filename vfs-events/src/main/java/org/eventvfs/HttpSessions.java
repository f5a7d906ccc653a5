package org.eventvfs;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections of one HTTP server as {@link LiveSessions}: set as the server's connection
 * handler, it registers each connection until it closes, and a request finds its connection's
 * session here, which takes the request's User-Agent as its client.
 */
public final class HttpSessions implements Handler<HttpConnection> {
    private final LiveSessions sessions;
    private final String protocol;
    private final Map<HttpConnection, LiveSessions.Registration> open = new ConcurrentHashMap<>();

    public HttpSessions(LiveSessions sessions, String protocol) {
        this.sessions = sessions;
        this.protocol = protocol;
    }

    @Override
    public void handle(HttpConnection connection) {
        LiveSessions.Registration session = sessions.register(protocol,
                RemoteAddresses.text(connection.remoteAddress()), connection::close);
        open.put(connection, session);
        connection.closeHandler(closed -> {
            open.remove(connection);
            session.unregister();
        });
    }

    /** The session of the connection {@code request} came on, with the request's User-Agent as its client. */
    public LiveSessions.Registration of(HttpServerRequest request) {
        LiveSessions.Registration session = open.get(request.connection());
        session.client(request.getHeader("User-Agent"));
        return session;
    }
}
