package org.eventvfs.server;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eventvfs.domain.Account;

/**
 * The control panel's logins, kept in memory only (a restart logs everyone out), each behind a
 * random token in a cookie that scripts cannot read (HttpOnly), that travels only over TLS
 * (Secure) and that the browser sends only with requests the panel itself makes (SameSite=Strict),
 * for {@link #LIFETIME} from the login.
 */
final class PanelSessions {
    /** {@code __Host-}: the browser takes it only with Secure and Path=/ and without a Domain. */
    static final String COOKIE = "__Host-vfs-admin";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final Map<String, PanelSession> byToken = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clock;

    /**
     * @param id what events record as the actor's session, never the token itself
     * @param passwordHash the user's password hash at the login: a new password ends the session
     * @param expires epoch milliseconds
     */
    record PanelSession(String token, String id, String user, String passwordHash, long expires) {
    }

    /** @param clock epoch milliseconds */
    PanelSessions(LongSupplier clock) {
        this.clock = clock;
    }

    PanelSession open(Account account) {
        long now = clock.getAsLong();
        byToken.values().removeIf(session -> session.expires() <= now);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        PanelSession session = new PanelSession(Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                "panel-" + opened.incrementAndGet(), account.name(), account.passwordHash(), now + LIFETIME.toMillis());
        byToken.put(session.token(), session);
        return session;
    }

    /** The unexpired session whose token the request's cookie carries, or null. */
    PanelSession of(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        PanelSession session = cookie == null ? null : byToken.get(cookie.getValue());
        return session == null || session.expires() <= clock.getAsLong() ? null : session;
    }

    void close(PanelSession session) {
        byToken.remove(session.token());
    }

    /** The cookie that carries {@code session}. */
    static Cookie cookie(PanelSession session) {
        return base(session.token()).setMaxAge(LIFETIME.toSeconds());
    }

    /** A cookie that makes the browser forget the session's. */
    static Cookie expired() {
        return base("").setMaxAge(0);
    }

    private static Cookie base(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(true)
                .setSameSite(CookieSameSite.STRICT);
    }
}
