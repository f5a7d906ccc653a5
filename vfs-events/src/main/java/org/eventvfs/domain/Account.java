package org.eventvfs.domain;

import java.util.List;

/**
 * A user as the account stream knows it.
 *
 * @param passwordHash an Argon2id hash in PHC string form, or null for key-only and invited users
 * @param keys SSH public keys in OpenSSH one-line form
 * @param home the directory inside the volume the user is confined to
 * @param admin whether the user may administer the server (the control panel, the admin port)
 * @param invite the pending invite of an {@link State#INVITED} user, else null
 */
public record Account(String name, String passwordHash, List<String> keys, String volume, VfsPath home,
                      boolean readOnly, boolean admin, State state, Invite invite) {
    public Account {
        keys = List.copyOf(keys);
    }

    /** Where a user stands: only an active one may log in. */
    public enum State {
        ACTIVE, DISABLED, INVITED
    }

    /**
     * An invite waiting to be redeemed: only the SHA-256 of its code is kept, so the log never
     * holds a code anyone could still use.
     */
    public record Invite(String codeHash, long expiresAt) {
    }

    /** Whether a login as this user may succeed at all, whatever the credentials. */
    public boolean canLogIn() {
        return state == State.ACTIVE;
    }

    public Account withState(State newState, Invite newInvite) {
        return new Account(name, passwordHash, keys, volume, home, readOnly, admin, newState, newInvite);
    }

    public Account withCredentials(String newPasswordHash, List<String> newKeys) {
        return new Account(name, newPasswordHash, newKeys, volume, home, readOnly, admin, state, invite);
    }

    public Account withAccess(String newVolume, VfsPath newHome, boolean newReadOnly) {
        return new Account(name, passwordHash, keys, newVolume, newHome, newReadOnly, admin, state, invite);
    }

    public Account withAdmin(boolean newAdmin) {
        return new Account(name, passwordHash, keys, volume, home, readOnly, newAdmin, state, invite);
    }
}
