package org.eventvfs.sftp;

import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.util.threads.NoCloseExecutor;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.UnsupportedAttributePolicy;

/**
 * Makes a {@link VfsSftpSubsystem} per SFTP channel, each running on a virtual thread of its own, so
 * one slow client never holds up another and no Vert.x thread ever waits on a file.
 */
final class VfsSftpSubsystemFactory extends SftpSubsystemFactory {
    /** @param virtualThreads shared by every channel; SSHD only "closes" its per-channel wrapper */
    VfsSftpSubsystemFactory(ExecutorService virtualThreads) {
        setExecutorServiceProvider(() -> new NoCloseExecutor(virtualThreads));
        setErrorStatusDataHandler(new SftpStatuses());
        // Attributes the vfs does not keep (uid, gid, access time) are dropped quietly, as by
        // servers on file systems without them, instead of failing setstat for every client.
        setUnsupportedAttributePolicy(UnsupportedAttributePolicy.Ignore);
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
        VfsSftpSubsystem subsystem = new VfsSftpSubsystem(channel, this);
        getRegisteredListeners().forEach(subsystem::addSftpEventListener);
        return subsystem;
    }
}
