package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eventvfs.server.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs user …} with no server running: each command opens the stores itself. */
@Timeout(60)
class UserCommandsTest {
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFh2bH9Hq1kV0Jb6d3uR0Zc1yGgQe3kVt7b1r8Lk2y5A alice@laptop";

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private String data() {
        return dir.resolve("data").toString();
    }

    @Test
    void addListChangeAndRemoveAUser() throws IOException {
        Result added = cli.runWithStdin("s3cret-horse\n", "user", "add", "alice", "--password-stdin", "--data", data());
        assertThat(added.err()).isEmpty();
        assertThat(added.status()).isZero();
        assertThat(added.out()).isEqualTo("added user alice: volume default, home /alice, password, 0 key(s)\n");

        Path key = Files.writeString(dir.resolve("id_ed25519.pub"), ED25519 + "\n");
        assertThat(cli.run("user", "add", "bob", "--key", key.toString(), "--volume", "team", "--home", "/people/bob",
                "--read-only", "--data", data()).status()).isZero();

        Result listed = cli.run("user", "list", "--data", data());
        assertThat(listed.status()).isZero();
        assertThat(listed.out().lines()).containsExactly(
                "NAME   VOLUME   HOME         READ-ONLY  PASSWORD  KEYS  ADMIN  STATE",
                "alice  default  /alice       no         yes       0     no     active",
                "bob    team     /people/bob  yes        no        1     no     active");

        assertThat(cli.runWithStdin("new-password\n", "user", "passwd", "bob", "--password-stdin", "--data", data())
                .out()).isEqualTo("changed the password of bob\n");
        assertThat(cli.run("user", "keys", "alice", "--key", key.toString(), "--data", data()).out())
                .isEqualTo("set 1 key(s) for alice\n");
        assertThat(cli.run("user", "remove", "alice", "--data", data()).out()).isEqualTo("removed user alice\n");

        assertThat(cli.run("user", "list", "--data", data()).out().lines()).containsExactly(
                "NAME  VOLUME  HOME         READ-ONLY  PASSWORD  KEYS  ADMIN  STATE",
                "bob   team    /people/bob  yes        yes       1     no     active");
    }

    @Test
    void theHomeDirectoryIsCreatedWithItsParents() {
        cli.runWithStdin("pw\n", "user", "add", "carol", "--password-stdin", "--home", "/teams/blue/carol",
                "--data", data());

        try (TestServer server = TestServer.start(dir.resolve("data"))) {
            var volume = server.vfs().volume("default").await();
            assertThat(volume.stat(org.eventvfs.domain.VfsPath.parse("/teams/blue/carol")).await().isDirectory())
                    .isTrue();
        }
    }

    @Test
    void anExistingHomeIsKept() {
        cli.runWithStdin("pw\n", "user", "add", "dave", "--password-stdin", "--home", "/shared", "--data", data());

        Result second = cli.runWithStdin("pw\n", "user", "add", "erin", "--password-stdin", "--home", "/shared",
                "--data", data());

        assertThat(second.err()).isEmpty();
        assertThat(second.status()).isZero();
    }

    @Test
    void failuresAreOneLineAndStatusOne() {
        cli.runWithStdin("pw\n", "user", "add", "alice", "--password-stdin", "--data", data());

        Result again = cli.runWithStdin("pw\n", "user", "add", "alice", "--password-stdin", "--data", data());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("vfs: user alice already exists\n");

        Result missing = cli.run("user", "remove", "nobody", "--data", data());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("vfs: no such user: nobody\n");

        Result badName = cli.runWithStdin("pw\n", "user", "add", "Alice!", "--password-stdin", "--data", data());
        assertThat(badName.status()).isEqualTo(1);
        assertThat(badName.err()).startsWith("vfs: a user name is 1 to 32 of").doesNotContain("\tat ");
    }

    @Test
    void withoutATerminalAPasswordMustBePipedIn() {
        Result result = cli.run("user", "add", "alice", "--data", data());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vfs: no terminal to ask for alice's password on; "
                + "pipe it in with --password-stdin, or give SSH keys with --key FILE\n");
    }

    @Test
    void anEmptyStdinIsNotAPassword() {
        Result result = cli.run("user", "add", "alice", "--password-stdin", "--data", data());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("vfs: no password on standard input");
    }

    @Test
    void aPrivateKeyFileIsRefusedBeforeAnythingChanges() throws IOException {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n");

        Result result = cli.run("user", "add", "alice", "--key", key.toString(), "--data", data());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("vfs: " + key + " is a private key; give the public one (id_ed25519.pub)\n");
        assertThat(cli.run("user", "list", "--data", data()).out().lines()).hasSize(1);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result result = cli.run("user", "remove", "nobody", "--verbose", "--data", data());

        assertThat(result.err()).startsWith("vfs: no such user: nobody\n").contains("NotFound");
    }
}
