package org.eventvfs.sftp;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password logins (RFC 4252 section 8) against the user store. Argon2id takes a tenth of a second
 * on purpose and a throttled address waits longer still, so the answer is given asynchronously
 * (SSHD's {@link AsyncAuthException}) instead of holding one of SSHD's few I/O threads.
 */
final class PasswordLogin implements PasswordAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);
    private final Vertx vertx;
    private final Vfs vfs;
    private final LoginFailures failures;
    private final Executor answers;

    /** @param answers where SSHD is told the outcome: never a Vert.x event loop */
    PasswordLogin(Vertx vertx, Vfs vfs, LoginFailures failures, Executor answers) {
        this.vertx = vertx;
        this.vfs = vfs;
        this.failures = failures;
        this.answers = answers;
    }

    @Override
    public boolean authenticate(String user, String password, ServerSession session) {
        if (failures.refuses(session)) {
            return false;
        }
        AsyncAuthException pending = new AsyncAuthException();
        Duration delay = failures.delayBefore(session);
        Future<Void> waited = delay.isZero() ? Future.succeededFuture()
                : vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty();
        waited.compose(ready -> vfs.accounts().authenticate(user, password.toCharArray()))
                .onComplete(result -> answers.execute(() -> answer(pending, session, user, result)));
        throw pending;
    }

    private void answer(AsyncAuthException pending, ServerSession session, String user, AsyncResult<Account> result) {
        if (result.succeeded()) {
            SessionAccount.remember(session, result.result());
            pending.setAuthed(true);
            return;
        }
        if (result.cause() instanceof VfsException.PermissionDenied) {
            failures.failed(session, user, "password");
        } else {
            LOG.error("sftp: cannot check the password of {} from {}: {}", user,
                    SessionAccount.address(session.getRemoteAddress()), result.cause().toString());
        }
        pending.setAuthed(false);
    }
}
