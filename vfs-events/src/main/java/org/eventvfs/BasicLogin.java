package org.eventvfs;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication (RFC 7617) against the user store. Basic sends the password with
 * every request, and Argon2id costs a tenth of a second on purpose, so a checked password is
 * remembered for a while as an HMAC under a key that lives only in this process; the entry
 * counts only while the account still has the password hash it was checked against. Shared by
 * the protocols on HTTP (WebDAV, the HTTP API) and by FTP, whose clients often log in once per
 * file or command.
 */
public final class BasicLogin {
    private static final Logger LOG = LoggerFactory.getLogger(BasicLogin.class);
    private static final int MAX_REMEMBERED = 10_000;

    private final Vertx vertx;
    private final Vfs vfs;
    private final String protocol;
    private final LoginThrottle throttle;
    private final long rememberMillis;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** One per event loop: a Mac is not thread-safe, and making one per request costs more than the HMAC. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private record Remembered(byte[] mac, String passwordHash, long until) {
    }

    /** A refused login: {@code status} 401 for missing or wrong credentials, 403 for a throttled address. */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * @param protocol names the protocol in the log lines of failed logins
     * @param remember how long a checked password is remembered, zero for not at all
     */
    public BasicLogin(Vertx vertx, Vfs vfs, String protocol, LoginThrottle throttle, Duration remember) {
        this.vertx = vertx;
        this.vfs = vfs;
        this.protocol = protocol;
        this.throttle = throttle;
        this.rememberMillis = remember.toMillis();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The account whose credentials the Authorization header carries; fails with {@link Refused}. */
    public Future<Account> authenticate(String authorization, String host, String address) {
        if (throttle.refuses(host)) {
            return Future.failedFuture(banned(host));
        }
        String[] credentials = credentials(authorization);
        if (credentials == null) {
            return Future.failedFuture(new Refused(401, "authentication required"));
        }
        return checked(credentials[0], credentials[1], host, address);
    }

    /**
     * The account if {@code password} is the user's, for a login form: throttled, logged and
     * counted as a refused login exactly as the header's credentials are. Fails with {@link Refused}.
     */
    public Future<Account> login(String user, String password, String host, String address) {
        return throttle.refuses(host) ? Future.failedFuture(banned(host)) : checked(user, password, host, address);
    }

    private static Refused banned(String host) {
        return new Refused(403, "too many failed logins from " + host);
    }

    private Future<Account> checked(String user, String password, String host, String address) {
        byte[] mac = mac(password);
        return rememberedAccount(user, mac).recover(notRemembered -> check(user, password, mac, host, address));
    }

    private Future<Account> rememberedAccount(String user, byte[] mac) {
        Remembered entry = remembered.get(user);
        if (entry == null || entry.until < System.currentTimeMillis() || !MessageDigest.isEqual(entry.mac, mac)) {
            return Future.failedFuture("not remembered");
        }
        return vfs.accounts().find(user).compose(account -> account.canLogIn()
                && entry.passwordHash.equals(account.passwordHash())
                ? Future.succeededFuture(account) : Future.failedFuture("password changed or user disabled"));
    }

    private Future<Account> check(String user, String password, byte[] mac, String host, String address) {
        Duration delay = throttle.delayBefore(host);
        Future<Void> waited = delay.isZero() ? Future.succeededFuture()
                : vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty();
        return waited.compose(ready -> vfs.accounts().authenticate(user, password.toCharArray()))
                .onSuccess(account -> remember(account, mac))
                .recover(failure -> {
                    if (!(failure instanceof VfsException.PermissionDenied)) {
                        return Future.failedFuture(failure);
                    }
                    LOG.warn("{}: failed password login for user '{}' from {}", protocol, user, address);
                    if (throttle.recordFailure(host)) {
                        LOG.warn("{}: refusing {} for a while after repeated failed logins", protocol, host);
                    }
                    return Future.failedFuture(new Refused(401, "wrong user name or password"));
                });
    }

    private void remember(Account account, byte[] mac) {
        if (rememberMillis == 0 || account.passwordHash() == null) {
            return;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(account.name(),
                new Remembered(mac, account.passwordHash(), System.currentTimeMillis() + rememberMillis));
    }

    /** {user, password}, or null if the header is missing or is not Basic credentials. */
    private static String[] credentials(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private byte[] mac(String password) {
        return macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
