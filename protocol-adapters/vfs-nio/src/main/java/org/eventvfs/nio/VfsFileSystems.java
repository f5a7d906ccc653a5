package org.eventvfs.nio;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.eventvfs.HistoryFolder;
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
     * account is, every change recorded as {@code actor}'s, with the history folder of the default
     * name. Free space is that of the JVM's temporary folder's disk.
     */
    public static FileSystem forUser(Vfs vfs, Account account, Actor actor) {
        return forUser(vfs, account, actor, Path.of(System.getProperty("java.io.tmpdir")), HistoryFolder.DEFAULT_NAME);
    }

    /**
     * As {@link #forUser(Vfs, Account, Actor)}, reporting the free space of the disk under
     * {@code spaceProbe}, with the read-only folder of past trees named {@code historyFolder} at the
     * root of the home ({@link HistoryFolder}), or none if it is empty.
     */
    public static FileSystem forUser(Vfs vfs, Account account, Actor actor, Path spaceProbe, String historyFolder) {
        Volume volume = vfs.volume(account.volume()).await();
        VolumeView view = new VolumeView(volume, account.home(), actor, account.readOnly(), historyFolder);
        return new VfsFileSystem(VfsFileSystemProvider.INSTANCE, view, spaceProbe);
    }

    /**
     * True if {@code path}, as named (a link in its last name is not followed), is the read-only
     * history folder or inside it, where every change is refused.
     */
    public static boolean inHistoryFolder(Path path) throws IOException {
        return path instanceof VfsNioPath p && p.getFileSystem().view().inHistory(p, Links.NOFOLLOW);
    }

    /**
     * Fails with an AccessDeniedException saying why if {@code path} is {@link #inHistoryFolder in
     * the history folder}: for a protocol whose own commands would refuse it with a vaguer answer.
     */
    public static void requireOutsideHistory(Path path) throws IOException {
        if (path instanceof VfsNioPath p) {
            p.getFileSystem().view().writable(p, Links.NOFOLLOW);
        }
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
