package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eventvfs.server.AdminApi.User;
import org.junit.jupiter.api.Test;

class UserTableTest {
    @Test
    void columnsAreAlignedToTheirWidestValue() {
        List<String> lines = UserTable.lines(List.of(
                new User("alice", "default", "/alice", false, true, List.of()),
                new User("bartholomew", "archive", "/people/bartholomew", true, false, List.of("k1", "k2"))));

        assertThat(lines).containsExactly(
                "NAME         VOLUME   HOME                 READ-ONLY  PASSWORD  KEYS",
                "alice        default  /alice               no         yes       0",
                "bartholomew  archive  /people/bartholomew  yes        no        2");
    }

    @Test
    void noUsersIsJustTheHeader() {
        assertThat(UserTable.lines(List.of())).containsExactly("NAME  VOLUME  HOME  READ-ONLY  PASSWORD  KEYS");
    }
}
