package org.eventvfs.ftp;

import java.util.List;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.AuthorizationRequest;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.usermanager.impl.WriteRequest;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;

/**
 * A logged-in account as FtpServer sees it: everything is allowed but writing for a read-only
 * account. The home and confinement are the {@code vfs:} file system's, not FtpServer's.
 *
 * @param actor who the session's changes are recorded as
 */
record FtpUser(Account account, Actor actor, int maxIdleSeconds) implements User {
    @Override
    public String getName() {
        return account.name();
    }

    /** Never known here: passwords are checked against their hashes in the user store. */
    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public List<? extends Authority> getAuthorities() {
        return List.of();
    }

    @Override
    public List<? extends Authority> getAuthorities(Class<? extends Authority> type) {
        return List.of();
    }

    /** Null refuses the request. */
    @Override
    public AuthorizationRequest authorize(AuthorizationRequest request) {
        return request instanceof WriteRequest && account.readOnly() ? null : request;
    }

    @Override
    public int getMaxIdleTime() {
        return maxIdleSeconds;
    }

    @Override
    public boolean getEnabled() {
        return true;
    }

    @Override
    public String getHomeDirectory() {
        return "/";
    }
}
