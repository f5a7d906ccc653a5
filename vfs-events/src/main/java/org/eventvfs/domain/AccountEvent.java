package org.eventvfs.domain;

import java.util.List;

/**
 * Events of the account stream: every change to a user is audited like a change to a file.
 * Passwords appear only as their Argon2id hashes, invite codes only as their SHA-256.
 */
public sealed interface AccountEvent extends EventPayload {
    /** The user the event is about. */
    String name();

    record UserAdded(String name, String passwordHash, List<String> keys, String volume, String home,
                     boolean readOnly) implements AccountEvent {
        public UserAdded {
            keys = List.copyOf(keys);
        }
    }

    record PasswordChanged(String name, String passwordHash) implements AccountEvent {
    }

    record KeysChanged(String name, List<String> keys) implements AccountEvent {
        public KeysChanged {
            keys = List.copyOf(keys);
        }
    }

    record AccessChanged(String name, String volume, String home, boolean readOnly) implements AccountEvent {
    }

    record AdminChanged(String name, boolean admin) implements AccountEvent {
    }

    record UserDisabled(String name) implements AccountEvent {
    }

    record UserEnabled(String name) implements AccountEvent {
    }

    record UserInvited(String name, String codeHash, long expiresAt, String volume, String home,
                       boolean readOnly) implements AccountEvent {
    }

    record InviteRedeemed(String name, String passwordHash, List<String> keys) implements AccountEvent {
        public InviteRedeemed {
            keys = List.copyOf(keys);
        }
    }

    /** An administrator ended these live sessions of the user; nothing about the account changes. */
    record SessionsEnded(String name, List<String> sessions) implements AccountEvent {
        public SessionsEnded {
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * The administrator {@code name} deleted blocks from the blob store (see
     * {@link AccountCommand.RecordCollection}); nothing about an account changes.
     */
    record BlocksCollected(String name, int deleted, Integer keepDays) implements AccountEvent {
    }

    record UserRemoved(String name) implements AccountEvent {
    }
}
