package org.eventvfs.sftp;

import java.net.SocketAddress;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.SessionContext;
import org.eventvfs.RemoteAddresses;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;

/** The account an SSH session logged in as, and the actor its changes are recorded with. */
final class SessionAccount {
    static final String PROTOCOL = "sftp";
    private static final AttributeKey<Account> ACCOUNT = new AttributeKey<>();

    private SessionAccount() {
    }

    static void remember(SessionContext session, Account account) {
        session.setAttribute(ACCOUNT, account);
    }

    /** The logged-in account; fails if the session has not authenticated, which SSHD never lets happen. */
    static Account of(SessionContext session) {
        Account account = session.getAttribute(ACCOUNT);
        if (account == null) {
            throw new IllegalStateException("session " + OpenSessions.id(session) + " has no authenticated account");
        }
        return account;
    }

    /** Who the session's changes are recorded as: user, sftp, ip:port, live session id, client version. */
    static Actor actor(SessionContext session) {
        return new Actor(of(session).name(), PROTOCOL, address(session.getRemoteAddress()), OpenSessions.id(session),
                session.getClientVersion());
    }

    /** {@code 192.0.2.7:50122} or {@code [2001:db8::7]:50122}. */
    static String address(SocketAddress remote) {
        return RemoteAddresses.text(remote);
    }

    /** The address without the port: what the login throttle counts by. */
    static String host(SocketAddress remote) {
        return RemoteAddresses.host(remote);
    }
}
