package org.eventvfs.sftp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public-key logins (RFC 4252 section 7): the offered key must be one of the account's keys; SSHD
 * then checks the signature. Answered synchronously, since SSHD would take an asynchronous "yes"
 * to a key query as a finished login: the account lookup is an in-memory projection read.
 * <p>
 * A key that is not the account's is not counted as a failed login, as OpenSSH's sshd does not
 * count it: clients offer every key in their agent in turn, and a key cannot be guessed anyway.
 */
final class PublicKeyLogin implements PublickeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(PublicKeyLogin.class);

    private final Vfs vfs;
    private final LoginFailures failures;

    PublicKeyLogin(Vfs vfs, LoginFailures failures) {
        this.vfs = vfs;
        this.failures = failures;
    }

    @Override
    public boolean authenticate(String user, PublicKey offered, ServerSession session) {
        if (failures.refuses(session)) {
            return false;
        }
        Account account;
        try {
            account = vfs.accounts().find(user).await();
        } catch (VfsException.NotFound e) {
            LOG.info("sftp: public key offered for unknown user '{}' from {}", user,
                    SessionAccount.address(session.getRemoteAddress()));
            return false;
        }
        if (!account.canLogIn()) {
            LOG.info("sftp: public key offered for {} user '{}' from {}", account.state().name().toLowerCase(),
                    user, SessionAccount.address(session.getRemoteAddress()));
            return false;
        }
        for (String line : account.keys()) {
            if (KeyUtils.compareKeys(offered, parse(line, session))) {
                // Also reached by the key query before the signature is checked: the account is only
                // read once SSHD reports the session authenticated, always for this same user name.
                SessionAccount.remember(session, account);
                return true;
            }
        }
        LOG.debug("sftp: key {} is not one of {}'s", KeyUtils.getFingerPrint(offered), user);
        return false;
    }

    private static PublicKey parse(String line, ServerSession session) {
        try {
            return AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                    .resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("sftp: skipping a stored key that cannot be read ({}): {}", e.getMessage(), line);
            return null;
        }
    }
}
