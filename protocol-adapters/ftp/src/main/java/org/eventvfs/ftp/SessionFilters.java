package org.eventvfs.ftp;

import org.apache.ftpserver.ipfilter.SessionFilter;
import org.apache.mina.core.session.IoSession;

/**
 * Adds the adapter's own filters to each new control connection, before the queue of FtpServer's
 * command threads (FtpServer's hook for this is its session filter, meant to refuse addresses).
 */
final class SessionFilters implements SessionFilter {
    private final AbortWatch abortWatch = new AbortWatch();
    private final LineLimit lineLimit = new LineLimit();
    private final EarlyFeat earlyFeat;

    SessionFilters(FeatCommand feat) {
        this.earlyFeat = new EarlyFeat(feat);
    }

    @Override
    public boolean accept(IoSession session) {
        session.getFilterChain().addBefore("threadPool", LineLimit.NAME, lineLimit);
        session.getFilterChain().addBefore("threadPool", EarlyFeat.NAME, earlyFeat);
        session.getFilterChain().addBefore("threadPool", AbortWatch.NAME, abortWatch);
        abortWatch.watch(session);
        return true;
    }
}
