package org.eventvfs.nio;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.Actor;
import org.eventvfs.spi.AdapterContext;

/**
 * How an adapter that stands on this provider (SFTP, FTP) opens each session's file system: over
 * which Vfs, showing the free space of which disk, with which history folder.
 *
 * @param spaceProbe a path on the disk that holds the data, whose free space clients are shown
 * @param historyFolder the name of the read-only folder of past trees in each home, or empty for none
 */
public record HomeFileSystems(Vfs vfs, Path spaceProbe, String historyFolder) {
    /** As the adapter's context says: its data folder's disk, the configured history folder. */
    public static HomeFileSystems of(AdapterContext context) {
        return new HomeFileSystems(context.vfs(), context.dataDirectory(), context.historyFolder());
    }

    /** The user's home as a file system of its own; blocks while the user's volume loads. */
    public FileSystem open(Account account, Actor actor) {
        return VfsFileSystems.forUser(vfs, account, actor, spaceProbe, historyFolder);
    }
}
