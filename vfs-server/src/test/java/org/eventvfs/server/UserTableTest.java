package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eventvfs.server.AdminApi.User;
import org.junit.jupiter.api.Test;

class UserTableTest {
    @Test
    void columnsAreAlignedToTheirWidestValue() {
        List<String> lines = UserTable.lines(List.of(
                new User("alice", "default", "/alice", false, true, List.of(), true, "active", null),
                new User("bartholomew", "archive", "/people/bartholomew", true, false, List.of("k1", "k2"), false,
                        "invited", "2026-12-14T10:00:00Z")));

        assertThat(lines).containsExactly(
                "NAME         VOLUME   HOME                 READ-ONLY  PASSWORD  KEYS  ADMIN  STATE",
                "alice        default  /alice               no         yes       0     yes    active",
                "bartholomew  archive  /people/bartholomew  yes        no        2     no     invited until "
                        + "2026-12-14T10:00:00Z");
    }

    @Test
    void noUsersIsJustTheHeader() {
        assertThat(UserTable.lines(List.of())).containsExactly(
                "NAME  VOLUME  HOME  READ-ONLY  PASSWORD  KEYS  ADMIN  STATE");
    }
}
