package org.eventvfs.domain;

import java.util.List;

/**
 * A user as the account stream knows it.
 *
 * @param passwordHash an Argon2id hash in PHC string form, or null for key-only users
 * @param keys SSH public keys in OpenSSH one-line form
 * @param home the directory inside the volume the user is confined to
 */
public record Account(String name, String passwordHash, List<String> keys, String volume, VfsPath home,
                      boolean readOnly) {
    public Account {
        keys = List.copyOf(keys);
    }
}
