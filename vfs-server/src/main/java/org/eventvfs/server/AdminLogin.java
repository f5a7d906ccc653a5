package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import java.util.Objects;
import org.eventvfs.BasicLogin;
import org.eventvfs.HttpSessions;
import org.eventvfs.LiveSessions;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsException;
import org.eventvfs.server.PanelSessions.PanelSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who makes a request on the admin port: an admin user, by HTTP Basic credentials or by the
 * panel's session cookie. Passwords are checked by {@link BasicLogin}, so failures are throttled
 * per address, logged with it and counted as refused logins like every protocol's.
 */
final class AdminLogin {
    static final String PROTOCOL = "admin";
    /**
     * The panel's scripts send it with every request. A page on another site cannot send it without
     * a CORS preflight that this server never grants, so a session cookie counts for a request that
     * changes something only with it, on top of SameSite=Strict; and requests with it get no Basic
     * challenge, which would make the browser show its own login dialog over the panel.
     */
    static final String PANEL_HEADER = "X-Requested-With";
    static final String PANEL_HEADER_VALUE = "eventvfs-panel";
    private static final Logger LOG = LoggerFactory.getLogger(AdminLogin.class);

    private final Vfs vfs;
    private final BasicLogin basic;
    private final PanelSessions sessions;
    private final HttpSessions connections;

    /** @param connections the port's connections as live sessions, which requests log in */
    AdminLogin(Vfs vfs, BasicLogin basic, PanelSessions sessions, HttpSessions connections) {
        this.vfs = vfs;
        this.basic = basic;
        this.sessions = sessions;
        this.connections = connections;
    }

    static boolean fromPanel(HttpServerRequest request) {
        return PANEL_HEADER_VALUE.equals(request.getHeader(PANEL_HEADER));
    }

    /**
     * The actor of a request: the admin user it authenticates as, with protocol {@code admin}, its
     * address, its User-Agent, and as session the panel login's id or else its connection's. Fails
     * with {@link BasicLogin.Refused} (401, or 403 for a banned address) or, for a user who is not
     * an admin, {@link VfsException.PermissionDenied}.
     */
    Future<Actor> actor(HttpServerRequest request) {
        PanelSession session = sessions.of(request);
        boolean safe = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        boolean panel = session != null && (safe || fromPanel(request));
        Future<Account> account = panel ? sessionAccount(session)
                : basic.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), host(request), address(request));
        return account.compose(found -> admin(found, request)).map(admin -> {
            LiveSessions.Registration connection = connections.of(request);
            connection.loggedIn(admin.name());
            connection.logsInEveryRequest();
            return actor(request, admin.name(), panel ? session.id() : connection.id());
        });
    }

    private Future<Account> sessionAccount(PanelSession session) {
        return vfs.accounts().find(session.user())
                .recover(gone -> Future.failedFuture(gone instanceof VfsException.NotFound
                        ? new BasicLogin.Refused(401, "the user " + session.user() + " no longer exists") : gone))
                // Disabled or given a new password since the login: the session ends with the
                // user's other logins, as their live sessions do (docs/users.md).
                .compose(account -> {
                    if (!account.canLogIn()) {
                        return Future.failedFuture(new BasicLogin.Refused(401, "the user " + session.user() + " is "
                                + account.state().name().toLowerCase(Locale.ROOT)));
                    }
                    boolean samePassword = Objects.equals(account.passwordHash(), session.passwordHash());
                    return samePassword ? Future.succeededFuture(account) : Future.failedFuture(new BasicLogin.Refused(
                            401, "the password of " + session.user() + " changed since this login"));
                });
    }

    /** The actor of a request that needs no login: {@code user} on the request's connection. */
    Actor anonymous(HttpServerRequest request, String user) {
        return actor(request, user, connections.of(request).id());
    }

    /** The panel's login form: a new session for an admin user; fails as {@link #actor} does. */
    Future<PanelSession> login(HttpServerRequest request, String user, String password) {
        return basic.login(user, password, host(request), address(request))
                .compose(account -> admin(account, request))
                .map(sessions::open);
    }

    /** The request's session, or null. */
    PanelSession session(HttpServerRequest request) {
        return sessions.of(request);
    }

    void logout(PanelSession session) {
        sessions.close(session);
    }

    private static Future<Account> admin(Account account, HttpServerRequest request) {
        if (account.admin()) {
            return Future.succeededFuture(account);
        }
        LOG.warn("{}: user '{}' from {} is not an admin", PROTOCOL, account.name(), address(request));
        return Future.failedFuture(new VfsException.PermissionDenied(account.name()
                + " is not an administrator of this server"));
    }

    private static Actor actor(HttpServerRequest request, String user, String session) {
        return new Actor(user, PROTOCOL, address(request), session, request.getHeader(HttpHeaders.USER_AGENT));
    }

    /** What the login throttle counts by. */
    static String host(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    /** {@code 203.0.113.7:50022}: what events and log lines show. */
    static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress() + ":" + remote.port();
    }
}
