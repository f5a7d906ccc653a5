package org.eventvfs.sftp;

import java.util.List;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.eventvfs.LiveSessions;

/**
 * Registers every SSH connection (SFTP or SCP, logged in or not yet) as a live {@code sftp}
 * session from the moment it connects: its client's version once sent, its user once
 * authenticated. Kicking it closes the connection at once, with whatever transfer is under way.
 */
final class OpenSessions implements SessionListener {
    private static final AttributeKey<LiveSessions.Registration> LIVE = new AttributeKey<>();

    private final LiveSessions sessions;

    OpenSessions(LiveSessions sessions) {
        this.sessions = sessions;
    }

    /** The id of {@code session} among the live sessions, for the actor of its events. */
    static String id(SessionContext session) {
        LiveSessions.Registration live = session.getAttribute(LIVE);
        if (live == null) {
            throw new IllegalStateException("an SSH session that was never registered");
        }
        return live.id();
    }

    @Override
    public void sessionCreated(Session session) {
        session.setAttribute(LIVE, sessions.register(SessionAccount.PROTOCOL,
                SessionAccount.address(session.getRemoteAddress()), () -> session.close(true)));
    }

    @Override
    public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
        session.getAttribute(LIVE).client(version);
    }

    @Override
    public void sessionEvent(Session session, Event event) {
        if (event == Event.Authenticated) {
            session.getAttribute(LIVE).loggedIn(SessionAccount.of(session).name());
        }
    }

    @Override
    public void sessionClosed(Session session) {
        session.getAttribute(LIVE).unregister();
    }
}
