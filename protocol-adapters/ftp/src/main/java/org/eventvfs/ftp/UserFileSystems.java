package org.eventvfs.ftp;

import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.User;
import org.eventvfs.nio.HomeFileSystems;

/** Gives each FTP session its user's home as the root of a {@code vfs:} file system of its own. */
final class UserFileSystems implements FileSystemFactory {
    private final HomeFileSystems homes;

    UserFileSystems(HomeFileSystems homes) {
        this.homes = homes;
    }

    /** Blocks while the user's volume loads; FtpServer calls this on its command threads. */
    @Override
    public FileSystemView createFileSystemView(User user) {
        FtpUser login = (FtpUser) user;
        return new HomeView(homes.open(login.account(), login.actor()), login.account().readOnly());
    }
}
