package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** rclone's sftp back-end syncing a 1,000-file tree to the adapter, then checking it byte for byte. */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RcloneTest {
    private static final Duration RCLONE_TIMEOUT = Duration.ofMinutes(5);
    private static final int DIRECTORIES = 20;
    private static final int FILES_PER_DIRECTORY = 50;

    private TestServer server;
    private Path work;
    private Path tree;
    private Map<String, String> environment;

    @BeforeAll
    void start() throws Exception {
        Processes.requireInstalled("rclone");
        Processes.requireInstalled("ssh-keygen");
        server = new TestServer();
        work = Files.createDirectories(server.data.resolve("rclone"));
        Path key = work.resolve("id_ed25519");
        Processes.Result keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                key.toString()), work, Map.of(), Duration.ofSeconds(30));
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
        server.addUser("sync", null, List.of(Files.readString(work.resolve("id_ed25519.pub")).strip()), false);

        environment = new HashMap<>();
        environment.put("RCLONE_CONFIG", Files.createFile(work.resolve("rclone.conf")).toString());
        environment.put("RCLONE_CONFIG_EVFS_TYPE", "sftp");
        environment.put("RCLONE_CONFIG_EVFS_HOST", "127.0.0.1");
        environment.put("RCLONE_CONFIG_EVFS_PORT", Integer.toString(server.port));
        environment.put("RCLONE_CONFIG_EVFS_USER", "sync");
        environment.put("RCLONE_CONFIG_EVFS_KEY_FILE", key.toString());
        // No shell on the server: rclone must not try to run md5sum or df over ssh.
        environment.put("RCLONE_CONFIG_EVFS_SHELL_TYPE", "none");
        environment.put("RCLONE_CONFIG_EVFS_DISABLE_HASHCHECK", "true");

        tree = Files.createDirectories(work.resolve("tree"));
        Random random = new Random(42);
        for (int d = 0; d < DIRECTORIES; d++) {
            Path directory = Files.createDirectories(tree.resolve("dir-" + d));
            for (int f = 0; f < FILES_PER_DIRECTORY; f++) {
                byte[] bytes = new byte[random.nextInt(f == 0 ? 300_000 : 9_000)];
                random.nextBytes(bytes);
                Files.write(directory.resolve("file-" + f + ".bin"), bytes);
            }
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Processes.Result rclone(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rclone", "--low-level-retries", "1", "--retries", "1"));
        command.addAll(List.of(arguments));
        return Processes.run(command, work, environment, RCLONE_TIMEOUT);
    }

    /** Every local file's SHA-256, by its path in the tree. */
    private Map<String, String> localHashes() throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(tree.relativize(file).toString(),
                        Sha256.of(Sha256.newDigest().digest(Files.readAllBytes(file))).hex());
            }
        }
        return hashes;
    }

    /** Every stored file's SHA-256 under the user's /tree, read from the volume. */
    private Map<String, String> storedHashes() {
        Map<String, String> hashes = new TreeMap<>();
        collect(VfsPath.parse("/home/sync/tree"), "", hashes);
        return hashes;
    }

    private void collect(VfsPath directory, String prefix, Map<String, String> hashes) {
        for (Node child : server.volume().list(directory).await()) {
            String name = prefix + child.name();
            if (child.isDirectory()) {
                collect(directory.resolve(child.name()), name + "/", hashes);
            } else {
                hashes.put(name, child.content().sha256().hex());
            }
        }
    }

    @Test
    void syncThenCheckAThousandFiles() throws Exception {
        Processes.Result sync = rclone("sync", tree.toString(), "evfs:tree", "--transfers", "8");
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        Map<String, String> local = localHashes();
        assertThat(local).hasSize(DIRECTORIES * FILES_PER_DIRECTORY);
        assertThat(storedHashes()).isEqualTo(local);

        Processes.Result check = rclone("check", tree.toString(), "evfs:tree", "--download");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("0 differences found");

        // Change the tree: rclone replaces, adds and deletes to match it.
        Files.writeString(tree.resolve("dir-0/file-1.bin"), "changed");
        Files.delete(tree.resolve("dir-1/file-2.bin"));
        Files.writeString(tree.resolve("dir-2/new.txt"), "new");
        sync = rclone("sync", tree.toString(), "evfs:tree");
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        assertThat(storedHashes()).isEqualTo(localHashes());

        Files.writeString(tree.resolve("dir-3/file-3.bin"), "changed behind the server's back");
        check = rclone("check", tree.toString(), "evfs:tree", "--download");
        assertThat(check.exitCode()).as("check notices a difference").isNotZero();
        assertThat(check.output()).contains("1 differences found");
    }
}
