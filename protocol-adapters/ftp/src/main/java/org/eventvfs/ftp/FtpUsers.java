package org.eventvfs.ftp;

import java.time.Duration;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.eventvfs.LiveSessions;
import org.eventvfs.LoginThrottle;
import org.eventvfs.RemoteAddresses;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins against the server's user store, throttled per client address like SFTP and WebDAV.
 * Users are managed with {@code vfs user}, so FtpServer's own user administration is refused.
 * Called on FtpServer's command threads, which may block (Argon2id takes a tenth of a second).
 */
final class FtpUsers implements UserManager {
    private static final Logger LOG = LoggerFactory.getLogger(FtpUsers.class);

    private final Vfs vfs;
    private final LoginThrottle throttle;
    private final int maxIdleSeconds;

    FtpUsers(Vfs vfs, LoginThrottle throttle, Duration idleTimeout) {
        this.vfs = vfs;
        this.throttle = throttle;
        this.maxIdleSeconds = (int) idleTimeout.toSeconds();
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        FtpIoSession session = PassCommand.loggingIn();
        if (!(authentication instanceof UsernamePasswordAuthentication login) || session == null) {
            throw new AuthenticationFailedException("only user name and password logins are served");
        }
        String host = RemoteAddresses.host(session.getRemoteAddress());
        if (throttle.refuses(host)) {
            throw new AuthenticationFailedException(host + " is refused after repeated failed logins");
        }
        pause(throttle.delayBefore(host));
        String password = login.getPassword() == null ? "" : login.getPassword();
        try {
            Account account = vfs.accounts().authenticate(login.getUsername(), password.toCharArray()).await();
            LiveSessions.Registration live = OpenSessions.of(session);
            live.loggedIn(account.name());
            return new FtpUser(account, actor(session, live, account), maxIdleSeconds);
        } catch (VfsException.PermissionDenied e) {
            LOG.warn("ftp: failed password login for user '{}' from {}", login.getUsername(),
                    RemoteAddresses.text(session.getRemoteAddress()));
            if (throttle.recordFailure(host)) {
                LOG.warn("ftp: refusing {} for a while after repeated failed logins", host);
            }
            throw new AuthenticationFailedException("wrong user name or password");
        } catch (RuntimeException e) {
            LOG.error("ftp: cannot check the password of {} from {}: {}", login.getUsername(),
                    RemoteAddresses.text(session.getRemoteAddress()), e.toString());
            throw new AuthenticationFailedException("the user store cannot be read");
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Actor actor(FtpIoSession session, LiveSessions.Registration live, Account account) {
        return new Actor(account.name(), "ftp", RemoteAddresses.text(session.getRemoteAddress()), live.id(), null);
    }

    @Override
    public User getUserByName(String name) {
        return null;
    }

    @Override
    public String[] getAllUserNames() {
        return new String[0];
    }

    @Override
    public void delete(String name) throws FtpException {
        throw new FtpException("users are managed with 'vfs user'");
    }

    @Override
    public void save(User user) throws FtpException {
        throw new FtpException("users are managed with 'vfs user'");
    }

    @Override
    public boolean doesExist(String name) {
        return false;
    }

    @Override
    public String getAdminName() {
        return null;
    }

    @Override
    public boolean isAdmin(String name) {
        return false;
    }
}
