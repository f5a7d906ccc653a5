package org.eventvfs.ftp;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.eventvfs.VfsStats;

/**
 * Counts every accepted control connection as an open {@code ftp} session until MINA closes it.
 * A filter rather than an ftplet: FtpServer skips the other ftplets' {@code onConnect} once one
 * refuses a connection, but MINA tells every filter that a session closed.
 */
final class OpenSessions extends IoFilterAdapter {
    static final String NAME = "eventvfs.sessions";

    private final VfsStats stats;

    OpenSessions(VfsStats stats) {
        this.stats = stats;
    }

    /** Counts {@code session} and watches for its end. */
    void open(IoSession session) {
        stats.sessionOpened("ftp");
        session.getFilterChain().addFirst(NAME, this);
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        stats.sessionClosed("ftp");
        next.sessionClosed(session);
    }
}
