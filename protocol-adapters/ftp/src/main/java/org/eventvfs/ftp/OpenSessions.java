package org.eventvfs.ftp;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.eventvfs.LiveSessions;
import org.eventvfs.RemoteAddresses;

/**
 * Registers every accepted control connection as a live {@code ftp} session until MINA closes it;
 * kicking it closes the control connection at once. A filter rather than an ftplet: FtpServer
 * skips the other ftplets' {@code onConnect} once one refuses a connection, but MINA tells every
 * filter that a session closed.
 */
final class OpenSessions extends IoFilterAdapter {
    static final String NAME = "eventvfs.sessions";
    private static final String LIVE = "eventvfs.live-session";

    private final LiveSessions sessions;

    OpenSessions(LiveSessions sessions) {
        this.sessions = sessions;
    }

    /** The live session of a control connection that {@link #open} registered. */
    static LiveSessions.Registration of(IoSession session) {
        return (LiveSessions.Registration) session.getAttribute(LIVE);
    }

    /** Registers {@code session} and watches for its end. */
    void open(IoSession session) {
        session.setAttribute(LIVE, sessions.register("ftp", RemoteAddresses.text(session.getRemoteAddress()),
                session::closeNow));
        session.getFilterChain().addFirst(NAME, this);
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        of(session).unregister();
        next.sessionClosed(session);
    }
}
