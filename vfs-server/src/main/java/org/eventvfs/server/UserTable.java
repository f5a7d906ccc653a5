package org.eventvfs.server;

import java.util.ArrayList;
import java.util.List;
import org.eventvfs.server.AdminApi.User;

/** {@code vfs user list}'s output: one aligned row a user under a header. */
final class UserTable {
    private static final List<String> HEADER = List.of("NAME", "VOLUME", "HOME", "READ-ONLY", "PASSWORD", "KEYS");

    private UserTable() {
    }

    static List<String> lines(List<User> users) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (User user : users) {
            rows.add(List.of(user.name(), user.volume(), user.home(), yesNo(user.readOnly()),
                    yesNo(user.hasPassword()), Integer.toString(user.keys().size())));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        return rows.stream().map(row -> format(row, widths)).toList();
    }

    private static String format(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            line.append(String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
        }
        return line.toString().stripTrailing();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
