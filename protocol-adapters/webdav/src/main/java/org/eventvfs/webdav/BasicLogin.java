package org.eventvfs.webdav;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.eventvfs.LoginThrottle;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;

/** HTTP Basic authentication ({@link org.eventvfs.BasicLogin}) with WebDAV's settings and errors. */
final class BasicLogin {
    private final LoginThrottle throttle;
    private final org.eventvfs.BasicLogin login;

    BasicLogin(Vertx vertx, Vfs vfs, WebDavSettings settings) {
        this.throttle = LoginThrottle.of(settings.slowAfter(), settings.banAfter(), settings.banTime());
        this.login = new org.eventvfs.BasicLogin(vertx, vfs, "webdav", throttle, settings.loginCache());
    }

    /** Takes the throttle's limits from new settings; the login cache keeps its time until a restart. */
    void limit(WebDavSettings settings) {
        throttle.limit(settings.slowAfter(), settings.banAfter(), settings.banTime());
    }

    /** The account whose credentials the Authorization header carries; fails with a 401 or 403 DavException. */
    Future<Account> authenticate(String authorization, String host, String address) {
        return login.authenticate(authorization, host, address).recover(failure -> Future.failedFuture(
                failure instanceof org.eventvfs.BasicLogin.Refused refused
                        ? new DavException(refused.status(), refused.getMessage()) : failure));
    }
}
