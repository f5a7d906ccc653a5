package org.eventvfs.webdav;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eventvfs.HttpSessions;
import org.eventvfs.LiveSessions;
import org.eventvfs.RemoteAddresses;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: OPTIONS answered at once (Windows asks before it authenticates), every other
 * method authenticated, bound to the user's volume and home, and dispatched. Failures become
 * statuses here, in one place.
 */
final class WebDavHandler implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(WebDavHandler.class);
    private static final long MAX_DISCARDED = 8L << 20;
    static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH, LOCK, UNLOCK";

    private final Vfs vfs;
    /** Each request reads the settings in force when it arrives; a reload replaces them. */
    private volatile WebDavSettings settings;
    private final BasicLogin login;
    private final DavXml xml;
    private final Propfind propfind;
    private final HistoryPaths history;
    private final HttpSessions sessions;

    /** @param historyFolder the name of the read-only folder of past trees in each home; empty for none */
    WebDavHandler(Vertx vertx, Vfs vfs, WebDavSettings settings, HttpSessions sessions, Path dataDirectory,
                  String historyFolder) {
        this.vfs = vfs;
        this.sessions = sessions;
        this.history = new HistoryPaths(historyFolder);
        this.settings = settings;
        this.login = new BasicLogin(vertx, vfs, settings);
        this.xml = new DavXml(settings.maxXmlDepth());
        this.propfind = new Propfind(() -> vertx.executeBlocking(() ->
                Files.getFileStore(dataDirectory).getUsableSpace(), false));
    }

    /**
     * New settings for the requests from now on; of those read at start (the certificate, the XML
     * depth, the login cache) the running ones stay, see {@link WebDavSettings#RELOADABLE}.
     */
    void reconfigure(WebDavSettings next) {
        settings = next;
        login.limit(next);
    }

    @Override
    public void handle(HttpServerRequest http) {
        http.pause();
        if (http.method().name().equals("OPTIONS")) {
            options(http.response());
            http.resume();
            return;
        }
        SocketAddress remote = http.remoteAddress();
        String host = remote == null ? "unknown" : remote.hostAddress();
        String address = RemoteAddresses.text(remote);
        LiveSessions.Registration session = sessions.of(http);
        login.authenticate(http.getHeader("Authorization"), host, address)
                .compose(account -> bind(http, account, address, session))
                .compose(this::dispatch)
                .onSuccess(done -> discardUnreadBody(http))
                .onFailure(failure -> fail(http, failure));
    }

    private Future<DavRequest> bind(HttpServerRequest http, Account account, String address,
                                    LiveSessions.Registration session) {
        session.loggedIn(account.name());
        Actor actor = new Actor(account.name(), "webdav", address, session.id(), http.getHeader("User-Agent"));
        List<String> names = Hrefs.names(http.path());
        return vfs.volume(account.volume()).compose(volume -> history.locate(volume, account.home(), names)
                .map(place -> new DavRequest(http, account, volume, actor, settings, xml, history, place)));
    }

    private Future<Void> dispatch(DavRequest request) {
        String method = request.http().method().name();
        if (request.place().inHistory()) {
            return PastTrees.dispatch(request, method, propfind);
        }
        return switch (method) {
            case "GET" -> Browsing.get(request, false);
            case "HEAD" -> Browsing.get(request, true);
            case "PUT" -> ContentPut.handle(request);
            case "DELETE" -> Namespace.delete(request);
            case "MKCOL" -> Namespace.mkcol(request);
            case "COPY" -> Namespace.copyOrMove(request, false);
            case "MOVE" -> Namespace.copyOrMove(request, true);
            case "PROPFIND" -> propfind.handle(request);
            case "PROPPATCH" -> Proppatch.handle(request);
            case "LOCK" -> Locking.lock(request);
            case "UNLOCK" -> Locking.unlock(request);
            default -> throw notSupported(request);
        };
    }

    static DavException notSupported(DavRequest request) {
        request.response().putHeader("Allow", ALLOW);
        return new DavException(405, request.http().method().name() + " is not supported");
    }

    /**
     * Reads and drops a body nobody needs (a DELETE's, or one refused with an error), so the
     * connection can carry the next request. Closing with unread bytes instead would make the
     * kernel reset the connection, which can destroy the answer before the client reads it. A
     * body larger than {@link #MAX_DISCARDED} is not worth reading: then the connection is closed.
     */
    private static void discardUnreadBody(HttpServerRequest http) {
        if (http.isEnded()) {
            return;
        }
        long[] discarded = {0};
        http.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > MAX_DISCARDED) {
                http.connection().close();
            }
        });
        http.exceptionHandler(ignored -> { });
        http.resume();
    }

    private static void options(HttpServerResponse response) {
        response.putHeader("DAV", "1, 2")
                .putHeader("MS-Author-Via", "DAV")
                .putHeader("Allow", ALLOW)
                .putHeader("Content-Length", "0")
                .end();
    }

    private void fail(HttpServerRequest http, Throwable failure) {
        DavException error = DavException.from(failure);
        if (error.status() >= 500) {
            LOG.error("webdav: {} {} failed", http.method(), http.path(), failure);
        }
        HttpServerResponse response = http.response();
        if (response.headWritten()) {
            http.connection().close();
            return;
        }
        discardUnreadBody(http);
        response.setStatusCode(error.status());
        if (error.reason() != null) {
            response.setStatusMessage(error.reason());
        }
        if (error.status() == 401) {
            response.putHeader("WWW-Authenticate", "Basic realm=\"eventvfs\", charset=\"UTF-8\"");
        }
        if (error.condition() != null) {
            response.putHeader("Content-Type", Multistatus.CONTENT_TYPE)
                    .end("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:error xmlns:D=\"DAV:\"><D:"
                            + error.condition() + "/></D:error>\n");
        } else {
            response.putHeader("Content-Type", "text/plain; charset=utf-8").end(error.getMessage() + "\n");
        }
    }
}
