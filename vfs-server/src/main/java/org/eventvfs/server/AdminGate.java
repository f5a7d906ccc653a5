package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eventvfs.BasicLogin;
import org.eventvfs.LoginThrottle;
import org.eventvfs.server.PanelSessions.PanelSession;

/**
 * Every request on the admin port. The health checks, the panel's files, the join page, the login
 * form and the redemption of an invite are open to anyone; everything else is the admin API of
 * {@link AdminRoutes}, made on behalf of the admin user {@link AdminLogin} finds, or refused.
 */
final class AdminGate implements Handler<HttpServerRequest> {
    static final String PANEL = "/panel/";
    static final String LOGIN = "/panel/login";
    static final String LOGOUT = "/panel/logout";
    static final String SESSION = "/panel/session";
    static final String JOIN_PAGE = "/join";
    /** The actor's user of an invite's redemption, made by whoever holds the code. */
    static final String JOINING = "invitee";
    private static final String CHALLENGE = "Basic realm=\"eventvfs admin\", charset=\"UTF-8\"";
    /** Bodies read before any login (the login form, invite redemptions) are small JSON objects. */
    private static final long MAX_OPEN_BODY = 64 * 1024;

    private final Vertx vertx;
    private final AdminRoutes routes;
    private final AdminLogin login;
    private final PanelFiles files;
    private final JoinInstructions instructions;
    /** Wrong invite codes per address, slowed and banned as wrong passwords are. */
    private final LoginThrottle joins;

    AdminGate(Vertx vertx, AdminRoutes routes, AdminLogin login, PanelFiles files, JoinInstructions instructions,
              LoginThrottle joins) {
        this.vertx = vertx;
        this.routes = routes;
        this.login = login;
        this.files = files;
        this.instructions = instructions;
        this.joins = joins;
    }

    /** The login form's body. */
    record Credentials(String user, String password) {
        Credentials {
            if (user == null || password == null) {
                throw new AdminApi.BadRequest("a user and a password are needed");
            }
        }
    }

    /** Who is logged in, for the panel's pages. */
    record Whoami(String user) {
    }

    @Override
    public void handle(HttpServerRequest request) {
        PanelFiles.headers(request.response());
        if (routes.health(request)) {
            return;
        }
        String path = request.path();
        boolean get = request.method() == HttpMethod.GET;
        if (get && (path.equals("/") || path.equals("/panel"))) {
            request.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, PANEL).end();
        } else if (get && path.equals(PANEL)) {
            files.send(request, "users.html");
        } else if (get && path.equals(JOIN_PAGE)) {
            files.send(request, "join.html");
        } else if (get && path.equals(JoinInstructions.PATH)) {
            json(request.response(), 200, instructions);
        } else if (get && path.startsWith(PANEL) && !path.equals(SESSION)) {
            files.send(request, path.substring(PANEL.length()));
        } else if (request.method() == HttpMethod.POST && path.equals(AdminApi.JOIN)) {
            join(request);
        } else if (request.method() == HttpMethod.POST && path.equals(LOGIN)) {
            openBody(request).compose(small -> request.body()).map(body -> AdminApi.decode(body, Credentials.class))
                    .compose(credentials -> login.login(request, credentials.user(), credentials.password()))
                    .onSuccess(session -> request.response().addCookie(PanelSessions.cookie(session)))
                    .onSuccess(session -> json(request.response(), 200, new Whoami(session.user())))
                    .onFailure(failure -> refuse(request, failure));
        } else if (request.method() == HttpMethod.POST && path.equals(LOGOUT)) {
            logout(request);
        } else {
            authenticated(request);
        }
    }

    /**
     * Paused until the login is checked: the body's first bytes may arrive meanwhile, and with no
     * handler set yet they would be dropped.
     */
    private void authenticated(HttpServerRequest request) {
        request.pause();
        login.actor(request).onComplete(actor -> {
            if (actor.failed()) {
                refuse(request, actor.cause());
            } else if (request.path().equals(SESSION)) {
                json(request.response(), 200, new Whoami(actor.result().user()));
            } else {
                routes.handle(request, actor.result());
            }
            request.resume();
        });
    }

    /**
     * Redeems an invite for anyone who has its code, recorded with the user {@value #JOINING}: the
     * code is the credential. A wrong one (answered 403) counts against the address.
     */
    private void join(HttpServerRequest request) {
        String host = AdminLogin.host(request);
        if (joins.refuses(host)) {
            AdminErrors.send(request.response(), new BasicLogin.Refused(403, "too many wrong invite codes from " + host));
            return;
        }
        Future<Void> small = openBody(request);
        if (small.failed()) {
            refuse(request, small.cause());
            return;
        }
        request.pause();
        Duration delay = joins.delayBefore(host);
        Future<Void> waited = delay.isZero() ? Future.succeededFuture()
                : vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty();
        waited.onComplete(ready -> {
            request.response().headersEndHandler(sent -> {
                if (request.response().getStatusCode() == 403) {
                    joins.recordFailure(host);
                }
            });
            routes.handle(request, login.anonymous(request, JOINING));
            request.resume();
        });
    }

    private void logout(HttpServerRequest request) {
        PanelSession session = login.session(request);
        if (session != null) {
            login.logout(session);
        }
        request.response().addCookie(PanelSessions.expired()).setStatusCode(204).end();
    }

    /** Fails unless the body of a request no login guards is as small as such a request needs. */
    private static Future<Void> openBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            if (length != null && Long.parseLong(length) <= MAX_OPEN_BODY) {
                return Future.succeededFuture();
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        return Future.failedFuture(new AdminApi.BadRequest("a body of at most " + MAX_OPEN_BODY
                + " bytes with its Content-Length is needed"));
    }

    private static void refuse(HttpServerRequest request, Throwable failure) {
        if (failure instanceof BasicLogin.Refused refused && refused.status() == 401 && !AdminLogin.fromPanel(request)) {
            request.response().putHeader("WWW-Authenticate", CHALLENGE);
        }
        AdminErrors.send(request.response(), failure);
    }

    private static void json(HttpServerResponse response, int status, Object body) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(AdminApi.encode(body));
    }
}
