package org.eventvfs.domain;

import java.util.List;

/** What an administrator (or, for {@link RedeemInvite}, an invited person) asks of the account stream. */
public sealed interface AccountCommand {
    String name();

    record AddUser(String name, String passwordHash, List<String> keys, String volume, VfsPath home,
                   boolean readOnly, boolean admin) implements AccountCommand {
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

    record SetAdmin(String name, boolean admin) implements AccountCommand {
    }

    /** Refuses every login of the user until {@link EnableUser}; their files and settings stay. */
    record DisableUser(String name) implements AccountCommand {
    }

    record EnableUser(String name) implements AccountCommand {
    }

    /**
     * Reserves the name for someone who will choose their own password or key.
     *
     * @param codeHash the SHA-256 (hex) of the one-time code handed to them
     * @param expiresAt epoch milliseconds after which the code is refused
     */
    record InviteUser(String name, String codeHash, long expiresAt, String volume, VfsPath home,
                      boolean readOnly) implements AccountCommand {
    }

    /** The invited person's answer: the code's hash and the credentials they chose. */
    record RedeemInvite(String name, String codeHash, String passwordHash, List<String> keys)
            implements AccountCommand {
        public RedeemInvite {
            keys = List.copyOf(keys);
        }
    }

    /** Records that an administrator ended a user's live sessions (the closing itself is not an event). */
    record EndSessions(String name, List<String> sessions) implements AccountCommand {
        public EndSessions {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * Records that the administrator {@code name} deleted {@code deleted} blocks from the blob store:
     * blocks no event references, and with {@code keepDays} those that only revisions superseded
     * longer ago use. The deleting itself is not an event; this is its audit.
     */
    record RecordCollection(String name, int deleted, Integer keepDays) implements AccountCommand {
    }

    record RemoveUser(String name) implements AccountCommand {
    }
}
