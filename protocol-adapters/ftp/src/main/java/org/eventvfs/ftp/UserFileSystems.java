package org.eventvfs.ftp;

import java.nio.file.Path;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.User;
import org.eventvfs.Vfs;
import org.eventvfs.nio.VfsFileSystems;

/** Gives each FTP session its user's home as the root of a {@code vfs:} file system of its own. */
final class UserFileSystems implements FileSystemFactory {
    private final Vfs vfs;
    private final Path spaceProbe;
    private final String historyFolder;

    /**
     * @param spaceProbe a path on the disk that holds the data, whose free space clients are shown
     * @param historyFolder the name of the read-only folder of past trees in each home, or empty for none
     */
    UserFileSystems(Vfs vfs, Path spaceProbe, String historyFolder) {
        this.vfs = vfs;
        this.spaceProbe = spaceProbe;
        this.historyFolder = historyFolder;
    }

    /** Blocks while the user's volume loads; FtpServer calls this on its command threads. */
    @Override
    public FileSystemView createFileSystemView(User user) {
        FtpUser login = (FtpUser) user;
        return new HomeView(VfsFileSystems.forUser(vfs, login.account(), login.actor(), spaceProbe,
                historyFolder),
                login.account().readOnly());
    }
}
