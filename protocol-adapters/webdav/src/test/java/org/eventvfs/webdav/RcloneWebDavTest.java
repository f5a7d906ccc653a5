package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.Rclone;
import org.eventvfs.testkit.RandomFiles;
import org.eventvfs.testkit.TreeHashes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * rclone's webdav back-end syncing a 1,000-file tree, with names a URL must escape, to the adapter:
 * as a plain WebDAV server, and as ownCloud, whose upload headers carry modification times and checksums.
 */
@Timeout(600)
class RcloneWebDavTest {
    private static final VfsPath STORED = VfsPath.parse("/home/alice/tree");
    private static final String REMOTE_TREE = Rclone.REMOTE + ":tree";
    private static final List<String> TOP_FOLDERS = List.of("plain", "with space", "hash #", "per%cent", "ünï 日本");
    private static final List<String> ODD_NAMES = List.of("a file with spaces.bin", "hash #1.bin", "100% sure.bin",
            "ünïcødé 日本語.bin", "plus+and&semi;colon.bin");
    private static final int FILES_PER_FOLDER = 50;
    private static final Pattern COPIED = Pattern.compile(": Copied \\(");
    private static final Pattern DELETED = Pattern.compile(": Deleted");

    private DavServer server;
    private Path work;
    private Path tree;

    @BeforeEach
    void start() throws Exception {
        server = new DavServer();
        work = Files.createDirectories(server.data.resolve("rclone"));
        tree = work.resolve("tree");
        Random random = new Random(7);
        for (String folder : folders()) {
            RandomFiles.write(tree.resolve(folder), random, FILES_PER_FOLDER, f -> 64 * 1024 + 1);
        }
        for (int i = 0; i < ODD_NAMES.size(); i++) {
            Files.move(tree.resolve(TOP_FOLDERS.get(i)).resolve("file-" + i + ".bin"), tree.resolve(oddName(i)));
        }
        // Whole seconds in the past: a modification time lost on the way would show as the upload's time.
        long past = Instant.parse("2021-03-04T05:06:07Z").toEpochMilli();
        for (Path file : localFiles()) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(past + random.nextInt(10_000_000) * 1000L));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Twenty folders: five at the top, each with "a", "a/b" and "c" inside. */
    private static List<String> folders() {
        List<String> folders = new ArrayList<>();
        for (String top : TOP_FOLDERS) {
            folders.addAll(List.of(top, top + "/a", top + "/a/b", top + "/c"));
        }
        return folders;
    }

    /** The tree's path of the file with the i-th odd name, which is in the i-th top folder. */
    private static String oddName(int i) {
        return TOP_FOLDERS.get(i) + "/" + ODD_NAMES.get(i);
    }

    private List<Path> localFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The node the sync made of a local file. */
    private Node stored(Path file) {
        return server.volume().stat(STORED.resolve(VfsPath.parse(tree.relativize(file).toString()))).await();
    }

    private Rclone rclone(String vendor) throws Exception {
        return new Rclone(work, Map.of(
                "type", "webdav",
                "url", server.url + "/",
                "vendor", vendor,
                "user", "alice",
                "pass", Rclone.obscure(DavServer.PASSWORD)));
    }

    @Test
    void syncsAndChecksAThousandFilesAsAPlainWebDavServer() throws Exception {
        syncChangeAndSyncAgain(rclone("other"));
    }

    @Test
    void keepsTheModificationTimesOwnCloudClientsSend() throws Exception {
        Rclone rclone = rclone("owncloud");
        syncChangeAndSyncAgain(rclone);

        for (Path file : localFiles()) {
            Node stored = stored(file);
            assertThat(stored.modified() / 1000).as("modification time of %s", file)
                    .isEqualTo(Files.getLastModifiedTime(file).toMillis() / 1000);
        }
        Processes.Result again = rclone.run("sync", tree.toString(), REMOTE_TREE, "-v");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(count(COPIED, again.output())).as("files sent again, their times being equal: %s", again.output())
                .isZero();
    }

    private void syncChangeAndSyncAgain(Rclone rclone) throws Exception {
        Processes.Result sync = rclone.run("sync", tree.toString(), REMOTE_TREE, "--transfers", "8");
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        assertThat(TreeHashes.of(tree)).hasSize(folders().size() * FILES_PER_FOLDER);
        assertStoredTreeIsTheLocalOne();
        check(rclone);

        // Sizes change too: a plain WebDAV server has no modification times, so rclone compares sizes.
        Random random = new Random(11);
        List<String> changed = List.of("plain/file-10.bin", "with space/a/b/file-11.bin", oddName(4));
        for (String name : changed) {
            byte[] bytes = new byte[70_000 + random.nextInt(1000)];
            random.nextBytes(bytes);
            Files.write(tree.resolve(name), bytes);
        }
        for (String name : List.of("plain/a/file-20.bin", oddName(1), "per%cent/c/file-49.bin")) {
            Files.delete(tree.resolve(name));
        }
        Files.writeString(tree.resolve("per%cent/a/new #1.txt"), "new");
        sync = rclone.run("sync", tree.toString(), REMOTE_TREE, "-v");
        assertThat(sync.exitCode()).as(sync.output()).isZero();
        assertThat(count(COPIED, sync.output())).as(sync.output()).isEqualTo(changed.size() + 1);
        assertThat(count(DELETED, sync.output())).as(sync.output()).isEqualTo(3);
        assertStoredTreeIsTheLocalOne();
        check(rclone);
    }

    private void check(Rclone rclone) throws Exception {
        Processes.Result check = rclone.run("check", tree.toString(), REMOTE_TREE, "--download");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("0 differences found");
    }

    /** The same names and content hashes as the local tree, and, for a sample, the same sizes and bytes read back. */
    private void assertStoredTreeIsTheLocalOne() throws IOException {
        assertThat(TreeHashes.of(server.volume(), STORED)).isEqualTo(TreeHashes.of(tree));
        List<Path> files = localFiles();
        for (int i = 0; i < files.size(); i += 37) {
            Path file = files.get(i);
            Node stored = stored(file);
            byte[] local = Files.readAllBytes(file);
            assertThat(stored.size()).isEqualTo(local.length);
            byte[] read = local.length == 0 ? new byte[0]
                    : server.volume().read(stored.content(), 0, local.length).await().getBytes();
            assertThat(read).as("bytes of %s", file).isEqualTo(local);
        }
    }

    private static int count(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
