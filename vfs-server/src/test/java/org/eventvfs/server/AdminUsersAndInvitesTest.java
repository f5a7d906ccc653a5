package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventvfs.audit.LogEntry;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.VfsException;
import org.eventvfs.server.Cli.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * {@code vfs admin users|invite|invites|volumes|log} and {@code vfs join} through a running server's
 * admin socket: each change is an account event recorded with the administrator who made it.
 */
@Timeout(90)
class AdminUsersAndInvitesTest {
    private static final Pattern CODE = Pattern.compile("code ([A-Z2-7-]+) \\(works once, until (\\S+)\\)");
    private static final String ADMIN = System.getProperty("user.name");

    @TempDir
    Path dir;

    private Path data;
    private TestServer server;
    private final Cli cli = new Cli();

    @BeforeEach
    void startServer() {
        data = dir.resolve("data");
        server = TestServer.start(data);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Result vfs(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return cli.run(all);
    }

    private boolean logsIn(String name, String password) {
        try {
            server.vfs().accounts().authenticate(name, password.toCharArray()).await();
            return true;
        } catch (VfsException.PermissionDenied refused) {
            return false;
        }
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabled() {
        cli.runWithStdin("correct horse\n", "admin", "users", "add", "alice", "--password-stdin", "--admin",
                "--data", data.toString());
        assertThat(server.vfs().accounts().find("alice").await().admin()).isTrue();

        Result disabled = vfs("admin", "users", "disable", "alice");
        assertThat(disabled.err()).isEmpty();
        assertThat(disabled.out()).isEqualTo("disabled user alice\n");
        assertThat(logsIn("alice", "correct horse")).isFalse();
        assertThat(vfs("user", "list").out()).contains("disabled");
        assertThat(vfs("user", "disable", "alice").err()).isEqualTo("vfs: user alice is not active\n");

        assertThat(vfs("user", "enable", "alice").out()).isEqualTo("enabled user alice\n");
        assertThat(logsIn("alice", "correct horse")).isTrue();
        assertThat(vfs("user", "admin", "alice", "--revoke").status()).isZero();
        assertThat(server.vfs().accounts().find("alice").await().admin()).isFalse();
    }

    @Test
    void anInviteIsRedeemedOnceWithAPasswordOfTheInvitedPersonsChoosing() {
        Result invited = vfs("admin", "invite", "--home", "/team/carol", "--expires", "2d");
        assertThat(invited.err()).isEmpty();
        assertThat(invited.out()).startsWith("invited carol: volume default, home /team/carol\n");
        Matcher code = CODE.matcher(invited.out());
        assertThat(code.find()).as(invited.out()).isTrue();
        assertThat(server.vfs().volume("default").await().stat(org.eventvfs.domain.VfsPath.parse("/team/carol"))
                .await().isDirectory()).isTrue();
        assertThat(vfs("admin", "invites").out().lines()).hasSize(2).last().asString()
                .startsWith("carol  default  /team/carol  no         " + code.group(2).substring(0, 10));
        assertThat(logsIn("carol", "")).isFalse();

        Result wrong = cli.runWithStdin("my own secret\n", "join", "AAAA-BBBB", "--password-stdin", "--data",
                data.toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("this invite code is not valid");

        String typed = code.group(1).toLowerCase().replace("-", " ");
        Result joined = cli.runWithStdin("my own secret\n", "join", typed, "--password-stdin", "--data",
                data.toString());
        assertThat(joined.err()).isEmpty();
        assertThat(joined.out()).isEqualTo("joined as carol: volume default, home /team/carol\n");
        assertThat(logsIn("carol", "my own secret")).isTrue();
        assertThat(server.vfs().accounts().find("carol").await().state()).isEqualTo(Account.State.ACTIVE);

        Result again = cli.runWithStdin("another\n", "join", code.group(1), "--password-stdin", "--data",
                data.toString());
        assertThat(again.err()).contains("this invite code is not valid");
        assertThat(vfs("admin", "invites").out().lines()).hasSize(1);
    }

    @Test
    void aNewInviteReplacesThePendingOneAndARevokedOneCannotBeRedeemed() {
        Matcher first = CODE.matcher(vfs("admin", "invite", "--user", "dave").out());
        assertThat(first.find()).isTrue();
        Matcher code = CODE.matcher(vfs("admin", "invite", "--user", "dave").out());
        assertThat(code.find()).isTrue();
        assertThat(cli.runWithStdin("pw-of-dave\n", "join", first.group(1), "--password-stdin", "--data",
                data.toString()).err()).as("the replaced code").contains("this invite code is not valid");
        cli.runWithStdin("pw\n", "user", "add", "ed", "--password-stdin", "--data", data.toString());
        assertThat(vfs("admin", "invite", "--user", "ed").err()).isEqualTo("vfs: user ed already exists\n");
        assertThat(vfs("admin", "invites", "revoke", "dave").out()).isEqualTo("revoked the invite of dave\n");
        assertThat(cli.runWithStdin("pw-of-dave\n", "join", code.group(1), "--password-stdin", "--data",
                data.toString()).err()).contains("this invite code is not valid");
        assertThat(vfs("admin", "invites", "revoke", "dave").err()).isEqualTo("vfs: no such user: dave\n");
    }

    @Test
    void everyAdminActionIsInTheAccountLogWithTheAdminWhoDidIt() {
        cli.runWithStdin("pw\n", "user", "add", "erin", "--password-stdin", "--data", data.toString());
        vfs("admin", "users", "disable", "erin");
        vfs("admin", "invite", "--user", "frank", "--home", "/frank");

        Result log = vfs("admin", "log", "--volume", "@accounts", "--json");
        assertThat(log.err()).isEmpty();
        List<LogEntry> entries = log.out().lines().map(line -> AdminApi.decode(io.vertx.core.buffer.Buffer.buffer(line),
                LogEntry.class)).toList();
        assertThat(entries).extracting(LogEntry::event)
                .containsExactly("UserAdded", "UserDisabled", "UserInvited");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actor().user()).isEqualTo(ADMIN);
            assertThat(entry.actor().protocol()).isEqualTo("admin");
        });
        assertThat(entries.get(2).details().user()).isEqualTo("frank");
        assertThat(entries.get(2).details().change()).startsWith("volume=default home=/frank expires=");

        Result disabledLog = vfs("log", "--volume", "@accounts", "--type", "UserDisabled");
        assertThat(disabledLog.err()).isEmpty();
        assertThat(disabledLog.out().lines())
                .hasSize(2).last().asString().contains("UserDisabled").contains("user=erin");
        assertThat(vfs("admin", "volumes").out().lines()).containsExactly(
                "VOLUME   EVENTS  USERS", "default  2       erin, frank");
    }
}
