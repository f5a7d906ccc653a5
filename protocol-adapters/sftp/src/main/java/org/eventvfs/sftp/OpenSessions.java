package org.eventvfs.sftp;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.eventvfs.VfsStats;

/** Counts every SSH connection (SFTP or SCP, logged in or not yet) as an open {@code sftp} session. */
final class OpenSessions implements SessionListener {
    private final VfsStats stats;

    OpenSessions(VfsStats stats) {
        this.stats = stats;
    }

    @Override
    public void sessionCreated(Session session) {
        stats.sessionOpened("sftp");
    }

    @Override
    public void sessionClosed(Session session) {
        stats.sessionClosed("sftp");
    }
}
