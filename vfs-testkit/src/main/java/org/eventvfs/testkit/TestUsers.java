package org.eventvfs.testkit;

import java.util.List;
import org.eventvfs.PasswordHasher;
import org.eventvfs.Vfs;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/** Users for adapter tests: each with an empty home {@code /home/<name>} in the given volume. */
public final class TestUsers {
    private TestUsers() {
    }

    /** Adds {@code name}; a null password makes a key-only user. */
    public static void add(Vfs vfs, String volume, String name, String password, List<String> keys,
                           boolean readOnly) {
        VfsPath home = VfsPath.parse("/home/" + name);
        createDirectory(vfs, volume, VfsPath.parse("/home"));
        createDirectory(vfs, volume, home);
        String hash = password == null ? null : PasswordHasher.hash(password.toCharArray());
        vfs.accounts().execute(new AccountCommand.AddUser(name, hash, keys, volume, home, readOnly, false),
                Actor.cli("test")).await();
    }

    private static void createDirectory(Vfs vfs, String volume, VfsPath path) {
        try {
            vfs.volume(volume).await().execute(new VolumeCommand.CreateDirectory(path, 0755), Actor.SYSTEM).await();
        } catch (VfsException.AlreadyExists e) {
            // made for an earlier user
        }
    }
}
