package org.eventvfs.sftp;

import java.time.Duration;
import org.apache.sshd.common.RuntimeSshException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.eventvfs.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoginThrottle} applied to SSH: logs every failed login with user and address, and
 * drops connections from banned addresses as soon as their session is created, before any key
 * exchange. (SSHD's {@code IoServiceEventListener.connectionAccepted} could refuse them earlier,
 * but leaves the refused socket open.)
 */
final class LoginFailures implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);

    private final LoginThrottle throttle;

    LoginFailures(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    boolean refuses(SessionContext session) {
        return throttle.refuses(SessionAccount.host(session.getRemoteAddress()));
    }

    Duration delayBefore(SessionContext session) {
        return throttle.delayBefore(SessionAccount.host(session.getRemoteAddress()));
    }

    void failed(SessionContext session, String user, String method) {
        String host = SessionAccount.host(session.getRemoteAddress());
        String address = SessionAccount.address(session.getRemoteAddress());
        LOG.warn("sftp: failed {} login for user '{}' from {}", method, user, address);
        if (throttle.recordFailure(host)) {
            LOG.warn("sftp: refusing {} for a while after repeated failed logins", host);
        }
    }

    /** Throwing here makes SSHD close the new connection. */
    @Override
    public void sessionCreated(Session session) {
        if (refuses(session)) {
            throw new RuntimeSshException("refused " + SessionAccount.address(session.getRemoteAddress())
                    + ": too many failed logins");
        }
    }
}
