package org.eventvfs.sftp;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.eventvfs.nio.HomeFileSystems;

/**
 * Gives each SFTP or SCP channel the logged-in user's home as a file system of its own, whose root
 * is the home: nothing a client sends can name a path outside it. SSHD closes it with the channel.
 */
final class UserFileSystems implements FileSystemFactory {
    private final HomeFileSystems homes;

    UserFileSystems(HomeFileSystems homes) {
        this.homes = homes;
    }

    /** Only SCP's shell mode asks, which is not served: the file system's root is the home. */
    @Override
    public Path getUserHomeDir(SessionContext session) {
        return null;
    }

    /** Blocks while the user's volume loads; SSHD calls this on its own threads, never Vert.x's. */
    @Override
    public FileSystem createFileSystem(SessionContext session) {
        return homes.open(SessionAccount.of(session), SessionAccount.actor(session));
    }
}
