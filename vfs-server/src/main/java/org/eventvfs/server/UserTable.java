package org.eventvfs.server;

import java.util.List;
import org.eventvfs.server.AdminApi.User;

/** {@code vfs user list}'s output: one aligned row a user under a header. */
final class UserTable {
    private static final List<String> HEADER = List.of("NAME", "VOLUME", "HOME", "READ-ONLY", "PASSWORD", "KEYS",
            "ADMIN", "STATE");

    private UserTable() {
    }

    static List<String> lines(List<User> users) {
        return new TextTable(HEADER).lines(users.stream().map(user -> List.of(user.name(), user.volume(),
                user.home(), yesNo(user.readOnly()), yesNo(user.hasPassword()),
                Integer.toString(user.keys().size()), yesNo(user.admin()), state(user))).toList());
    }

    private static String state(User user) {
        return user.inviteExpires() == null ? user.state() : user.state() + " until " + user.inviteExpires();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
