package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.User;

/** What {@code vfs user} does, whether on the stores directly or through a running server. */
interface UserOperations {
    Future<List<User>> list();

    /** Adds the user and creates their home directory, with missing parents, in their volume. */
    Future<User> add(NewUser user);

    Future<User> changePassword(String name, String passwordHash);

    Future<User> changeKeys(String name, List<String> keys);

    Future<Void> remove(String name);
}
