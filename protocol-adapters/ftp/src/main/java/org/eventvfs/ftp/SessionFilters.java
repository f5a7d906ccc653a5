package org.eventvfs.ftp;

import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.ftpserver.ipfilter.SessionFilter;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * Sets up each new control connection: no Nagle delay, the adapter's own filters before the
 * queue of FtpServer's command threads (FtpServer's hook for this is its session filter, meant to
 * refuse addresses), and the adapter's {@link DataConnections}.
 */
final class SessionFilters implements SessionFilter {
    private static final String DATA_CONNECTIONS = "dataConnections";

    private final AbortWatch abortWatch = new AbortWatch();
    private final LineLimit lineLimit = new LineLimit();
    private final EarlyFeat earlyFeat;
    private final DataConnectionSetup dataConnections = new DataConnectionSetup();

    SessionFilters(FeatCommand feat) {
        this.earlyFeat = new EarlyFeat(feat);
    }

    /** The server the sessions belong to, known once it is created and before it accepts any. */
    void serve(FtpServerContext context) {
        dataConnections.context = context;
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
        session.getFilterChain().addBefore("threadPool", DATA_CONNECTIONS, dataConnections);
        abortWatch.watch(session);
        return true;
    }

    /**
     * Installs the session's data connections when it opens: by then FtpServer's handler has taken
     * the session (DataConnections needs to know its listener), and no command has run yet.
     */
    private static final class DataConnectionSetup extends IoFilterAdapter {
        private volatile FtpServerContext context;

        @Override
        public void sessionOpened(NextFilter next, IoSession session) throws Exception {
            DataConnections.install(session, context);
            next.sessionOpened(session);
        }
    }
}
