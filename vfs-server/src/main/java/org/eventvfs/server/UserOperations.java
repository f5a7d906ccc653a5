package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.server.AdminApi.Invitation;
import org.eventvfs.server.AdminApi.Joined;
import org.eventvfs.server.AdminApi.NewInvite;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.User;

/** What {@code vfs user} and {@code vfs admin} do to users, on the stores directly or through a running server. */
interface UserOperations {
    /** Every user, invited ones included. */
    Future<List<User>> list();

    /** Adds the user and creates their home directory, with missing parents, in their volume. */
    Future<User> add(NewUser user);

    Future<User> changePassword(String name, String passwordHash);

    Future<User> changeKeys(String name, List<String> keys);

    /** Refuses every new login of the user and ends their live sessions; files and settings stay. */
    Future<User> disable(String name);

    Future<User> enable(String name);

    Future<User> setAdmin(String name, boolean admin);

    /** Reserves a user name and home for someone who redeems the returned code before it expires. */
    Future<Invitation> invite(NewInvite invite);

    /** Withdraws an invite that was not redeemed yet. */
    Future<Void> revokeInvite(String name);

    /**
     * Redeems an invite: the invited user becomes active with the password (its Argon2id hash) or
     * keys they chose. A wrong, used or expired code is refused with one message for all three.
     */
    Future<Joined> join(String code, String passwordHash, List<String> keys);

    Future<Void> remove(String name);
}
