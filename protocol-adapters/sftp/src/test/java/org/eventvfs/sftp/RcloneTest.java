package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.Rclone;
import org.eventvfs.testkit.RandomFiles;
import org.eventvfs.testkit.TreeHashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** rclone's sftp back-end syncing a 1,000-file tree to the adapter, then checking it byte for byte. */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RcloneTest {
    private static final int DIRECTORIES = 20;
    private static final int FILES_PER_DIRECTORY = 50;
    private static final VfsPath STORED = VfsPath.parse("/home/sync/tree");

    private TestServer server;
    private Path tree;
    private Rclone rclone;

    @BeforeAll
    void start() throws Exception {
        Processes.requireInstalled("ssh-keygen");
        server = new TestServer();
        Path work = Files.createDirectories(server.data.resolve("rclone"));
        Path key = work.resolve("id_ed25519");
        Processes.Result keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                key.toString()), work, Map.of(), Duration.ofSeconds(30));
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
        server.addUser("sync", null, List.of(Files.readString(work.resolve("id_ed25519.pub")).strip()), false);

        rclone = new Rclone(work, Map.of(
                "type", "sftp",
                "host", "127.0.0.1",
                "port", Integer.toString(server.port),
                "user", "sync",
                "key_file", key.toString(),
                // No shell on the server: rclone must not try to run md5sum or df over ssh.
                "shell_type", "none",
                "disable_hashcheck", "true"));

        tree = Files.createDirectories(work.resolve("tree"));
        Random random = new Random(42);
        for (int d = 0; d < DIRECTORIES; d++) {
            RandomFiles.write(tree.resolve("dir-" + d), random, FILES_PER_DIRECTORY, f -> f == 0 ? 300_000 : 9_000);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Every run is -vv: when one fails or hangs, the end of its output says what it was doing. */
    @Test
    void syncThenCheckAThousandFiles() throws Exception {
        Processes.Result sync = rclone.run("sync", tree.toString(), "evfs:tree", "--transfers", "8", "-vv");
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        Map<String, String> local = TreeHashes.of(tree);
        assertThat(local).hasSize(DIRECTORIES * FILES_PER_DIRECTORY);
        assertThat(TreeHashes.of(server.volume(), STORED)).isEqualTo(local);

        Processes.Result check = rclone.run("check", tree.toString(), "evfs:tree", "--download", "-vv");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("0 differences found");

        // Change the tree: rclone replaces, adds and deletes to match it.
        Files.writeString(tree.resolve("dir-0/file-1.bin"), "changed");
        Files.delete(tree.resolve("dir-1/file-2.bin"));
        Files.writeString(tree.resolve("dir-2/new.txt"), "new");
        sync = rclone.run("sync", tree.toString(), "evfs:tree", "-vv");
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        assertThat(TreeHashes.of(server.volume(), STORED)).isEqualTo(TreeHashes.of(tree));

        Files.writeString(tree.resolve("dir-3/file-3.bin"), "changed behind the server's back");
        check = rclone.run("check", tree.toString(), "evfs:tree", "--download", "-vv");
        assertThat(check.exitCode()).as("check notices a difference").isNotZero();
        assertThat(check.output()).contains("1 differences found");
    }
}
