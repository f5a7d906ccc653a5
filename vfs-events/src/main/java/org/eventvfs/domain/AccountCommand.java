package org.eventvfs.domain;

import java.util.List;

/** What an administrator asks of the account stream. */
public sealed interface AccountCommand {
    String name();

    record AddUser(String name, String passwordHash, List<String> keys, String volume, VfsPath home,
                   boolean readOnly) implements AccountCommand {
        public AddUser {
            keys = List.copyOf(keys);
        }
    }

    record ChangePassword(String name, String passwordHash) implements AccountCommand {
    }

    record ChangeKeys(String name, List<String> keys) implements AccountCommand {
        public ChangeKeys {
            keys = List.copyOf(keys);
        }
    }

    record ChangeAccess(String name, String volume, VfsPath home, boolean readOnly) implements AccountCommand {
    }

    record RemoveUser(String name) implements AccountCommand {
    }
}
