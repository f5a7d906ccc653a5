package org.eventvfs.ftp;

import io.vertx.core.Vertx;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.eventvfs.BasicLogin;
import org.eventvfs.LiveSessions;
import org.eventvfs.LoginThrottle;
import org.eventvfs.RemoteAddresses;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins against the server's user store, throttled per client address like SFTP and WebDAV, and
 * remembered as WebDAV's are ({@link BasicLogin}): lftp, curl and scripts log in once per command
 * or per file, and Argon2id costs a tenth of a second or more on purpose. Users are managed with
 * {@code vfs user}, so FtpServer's own user administration is refused. Called on FtpServer's
 * command threads, which may block.
 */
final class FtpUsers implements UserManager {
    private static final Logger LOG = LoggerFactory.getLogger(FtpUsers.class);

    private final BasicLogin login;
    private final int maxIdleSeconds;

    FtpUsers(Vertx vertx, Vfs vfs, LoginThrottle throttle, FtpSettings settings) {
        this.login = new BasicLogin(vertx, vfs, "ftp", throttle, settings.loginCache());
        this.maxIdleSeconds = (int) settings.idleTimeout().toSeconds();
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        FtpIoSession session = PassCommand.loggingIn();
        if (!(authentication instanceof UsernamePasswordAuthentication credentials) || session == null) {
            throw new AuthenticationFailedException("only user name and password logins are served");
        }
        String host = RemoteAddresses.host(session.getRemoteAddress());
        String address = RemoteAddresses.text(session.getRemoteAddress());
        String password = credentials.getPassword() == null ? "" : credentials.getPassword();
        try {
            Account account = login.login(credentials.getUsername(), password, host, address).await();
            LiveSessions.Registration live = OpenSessions.of(session);
            live.loggedIn(account.name());
            return new FtpUser(account, actor(session, live, account), maxIdleSeconds);
        } catch (BasicLogin.Refused refused) {
            throw new AuthenticationFailedException(refused.status() == 403
                    ? host + " is refused after repeated failed logins" : refused.getMessage());
        } catch (RuntimeException e) {
            LOG.error("ftp: cannot check the password of {} from {}: {}", credentials.getUsername(), address,
                    e.toString());
            throw new AuthenticationFailedException("the user store cannot be read");
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
