package org.eventvfs.ftp;

import org.apache.ftpserver.ipfilter.SessionFilter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * Sets up each new control connection: no Nagle delay, and the adapter's own filters before the
 * queue of FtpServer's command threads (FtpServer's hook for this is its session filter, meant to
 * refuse addresses).
 */
final class SessionFilters implements SessionFilter {
    private final AbortWatch abortWatch = new AbortWatch();
    private final LineLimit lineLimit = new LineLimit();
    private final EarlyFeat earlyFeat;
    private final OpenSessions openSessions;

    SessionFilters(FeatCommand feat, OpenSessions openSessions) {
        this.earlyFeat = new EarlyFeat(feat);
        this.openSessions = openSessions;
    }

    @Override
    public boolean accept(IoSession session) {
        // MINA leaves Nagle on: a reply that follows another (150, then 226) would wait for the
        // client's delayed ACK of the first, up to 40 ms a transfer.
        if (session.getConfig() instanceof SocketSessionConfig socket) {
            socket.setTcpNoDelay(true);
        }
        session.getFilterChain().addBefore("threadPool", LineLimit.NAME, lineLimit);
        session.getFilterChain().addBefore("threadPool", EarlyFeat.NAME, earlyFeat);
        session.getFilterChain().addBefore("threadPool", AbortWatch.NAME, abortWatch);
        abortWatch.watch(session);
        openSessions.open(session);
        return true;
    }
}
