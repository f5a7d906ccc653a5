package org.eventvfs.nio;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;

/**
 * Opens eventvfs volumes as java.nio.file file systems: {@code Files.*} on a user's home, for the
 * SFTP and FTP servers and for any Java code. Every call blocks until the volume answers: use the
 * file systems from virtual or worker threads, never from a Vert.x event loop.
 */
public final class VfsFileSystems {
    private VfsFileSystems() {
    }

    /**
     * The file system {@code account} sees: its home in its volume as the root, read-only if the
     * account is, every change recorded as {@code actor}'s. Free space is that of the JVM's
     * temporary folder's disk.
     */
    public static FileSystem forUser(Vfs vfs, Account account, Actor actor) {
        return forUser(vfs, account, actor, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #forUser(Vfs, Account, Actor)}, reporting the free space of the disk under {@code spaceProbe}. */
    public static FileSystem forUser(Vfs vfs, Account account, Actor actor, Path spaceProbe) {
        Volume volume = vfs.volume(account.volume()).await();
        VolumeView view = new VolumeView(volume, account.home(), actor, account.readOnly());
        return new VfsFileSystem(VfsFileSystemProvider.INSTANCE, view, spaceProbe);
    }

    /**
     * Closes a channel opened for writing without committing what was written to it, for an
     * upload that did not complete (the FTP data connection dropped): on a {@code vfs:} file the
     * last revision stays and the log records the abandoned upload of {@code received} bytes with
     * {@code reason}. Any other channel is just closed.
     */
    public static void abandon(Channel channel, long received, String reason) throws IOException {
        if (channel instanceof VfsFileChannel file) {
            file.abandon(received, reason);
        } else {
            channel.close();
        }
    }
}
