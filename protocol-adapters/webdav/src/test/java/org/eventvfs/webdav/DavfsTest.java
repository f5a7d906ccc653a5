package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * davfs2 mounting alice's home as a FUSE file system, with its locks on: it LOCKs a file when it
 * is opened for writing (an empty locked file when it is created), keeps the file in its cache,
 * uploads it later with a PUT carrying the lock token in an If header, then UNLOCKs it.
 * {@code umount} waits until everything is uploaded, so the volume is checked after it.
 *
 * <p>Nothing lists a directory through the mount: on the kernel and FUSE of the machines these
 * tests run on, readdir through any davfs2 mount fails with EINVAL, against other WebDAV servers
 * too, so it is the machine and not the adapter; files are reached by name only.
 */
class DavfsTest {
    private static final VfsPath HOME = VfsPath.parse("/home/alice");

    private DavServer server;
    private DavClient alice;
    private Path work;
    private Path mountPoint;

    @BeforeEach
    void start() throws Exception {
        Processes.requireInstalled("mount.davfs");
        if (!Files.exists(Path.of("/dev/fuse"))) {
            throw new AssertionError("/dev/fuse is missing: davfs2 needs the kernel's FUSE");
        }
        server = new DavServer();
        alice = server.client("alice");
        // Outside the server's data folder, so that deleting it can never walk into a live mount;
        // mount.davfs, started by root, works as the davfs2 user, who must reach the cache.
        work = StoreFixture.tempDirectory();
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        mountPoint = Files.createDirectories(work.resolve("mnt"));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            unmountLeftBehind();
        } finally {
            server.close();
            if (!mounted()) {
                StoreFixture.delete(work);
            }
        }
    }

    /**
     * Mounts alice's home with its own configuration, secrets and cache. The cache belongs to the
     * davfs2 group, as /var/cache/davfs2 does; her password's space is quoted, as davfs2 allows.
     */
    private void mount() throws Exception {
        mount("/");
    }

    /** Mounts the collection at {@code path} of alice's home. */
    private void mount(String path) throws Exception {
        Path secrets = work.resolve("secrets");
        Files.writeString(secrets, server.url + path + " alice \"" + DavServer.PASSWORD + "\"\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Path cache = Files.createDirectories(work.resolve("cache"));
        UserPrincipalLookupService users = cache.getFileSystem().getUserPrincipalLookupService();
        Files.getFileAttributeView(cache, PosixFileAttributeView.class)
                .setGroup(users.lookupPrincipalByGroupName("davfs2"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path conf = work.resolve("davfs2.conf");
        Files.writeString(conf, String.join("\n",
                "secrets " + secrets,
                "cache_dir " + cache,
                "use_locks 1",
                "ask_auth 0",
                ""));
        Processes.Result mount = run("mount.davfs", "-o", "conf=" + conf, server.url + path, mountPoint.toString());
        assertThat(mount.exitCode()).as(mount.output()).isZero();
        assertThat(mounted()).as("mounted").isTrue();
    }

    /** Unmounts; umount.davfs waits for mount.davfs to upload what it has cached and end. */
    private void unmount() throws Exception {
        Processes.Result umount = run("umount", mountPoint.toString());
        assertThat(umount.exitCode()).as(umount.output()).isZero();
        assertThat(mounted()).as("unmounted").isFalse();
    }

    /** Unmounts what a failed test left mounted, lazily as a last resort. */
    private void unmountLeftBehind() throws Exception {
        if (mounted()) {
            try {
                run("umount", mountPoint.toString());
            } finally {
                if (mounted()) {
                    run("umount", "-l", mountPoint.toString());
                }
            }
        }
    }

    private boolean mounted() throws IOException {
        return Files.readAllLines(Path.of("/proc/mounts")).stream()
                .anyMatch(line -> line.split(" ")[1].equals(mountPoint.toString()));
    }

    private Processes.Result run(String... command) throws Exception {
        return Processes.run(List.of(command), work, Map.of(), Duration.ofMinutes(2));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The volume's path of {@code path} in alice's home. */
    private static VfsPath inHome(String path) {
        return HOME.resolve(VfsPath.parse(path));
    }

    private Node stat(String path) {
        return server.volume().stat(inHome(path)).await();
    }

    private byte[] content(String path) {
        Node node = stat(path);
        return server.volume().read(node.content(), 0, (int) node.size()).await().getBytes();
    }

    private List<String> names(String directory) {
        return server.volume().list(inHome(directory)).await().stream().map(Node::name).toList();
    }

    @Test
    void whatIsDoneThroughTheMountIsWhatTheVolumeHoldsAfterUnmounting() throws Exception {
        byte[] report = random(200_000, 1);
        assertThat(alice.mkcol("/shared").status()).isEqualTo(201);
        assertThat(alice.request("PUT", "/shared/report.bin").body(report).send().status()).isEqualTo(201);
        mount();

        assertThat(Files.readAllBytes(mountPoint.resolve("shared/report.bin"))).as("downloaded").isEqualTo(report);
        Path docs = Files.createDirectory(mountPoint.resolve("docs"));
        Files.writeString(docs.resolve("note.txt"), "first draft\n");
        byte[] big = random(3 * 1024 * 1024 + 17, 2);
        Files.write(docs.resolve("big.bin"), big);
        Files.writeString(docs.resolve("scratch.txt"), "to be deleted");
        Files.createDirectory(docs.resolve("empty"));
        assertThat(Files.readString(docs.resolve("note.txt"))).isEqualTo("first draft\n");
        assertThat(Files.readAllBytes(docs.resolve("big.bin"))).isEqualTo(big);

        // A MOVE with an If header naming note.txt's lock, which the server drops with the old
        // name (RFC 4918 section 7.7); to write the new name davfs2 LOCKs it anew.
        Files.move(docs.resolve("note.txt"), docs.resolve("renamed.txt"));
        Files.writeString(docs.resolve("renamed.txt"), "second draft\n");
        byte[] newReport = random(150_000, 3);
        Files.write(mountPoint.resolve("shared/report.bin"), newReport);
        Files.delete(docs.resolve("scratch.txt"));
        Files.delete(docs.resolve("empty"));
        // davfs2 keeps a time set by touch in its cache only, so the volume is not asked for it.
        Processes.Result touch = run("touch", "-d", "2020-01-02 03:04:05", docs.resolve("big.bin").toString());
        assertThat(touch.exitCode()).as(touch.output()).isZero();
        assertThat(docs.resolve("note.txt")).doesNotExist();
        assertThat(docs.resolve("scratch.txt")).doesNotExist();
        assertThat(docs.resolve("empty")).doesNotExist();
        assertThat(Files.readString(docs.resolve("renamed.txt"))).isEqualTo("second draft\n");
        unmount();

        assertThat(names("")).containsExactly("docs", "shared");
        assertThat(names("docs")).containsExactly("big.bin", "renamed.txt");
        assertThat(names("shared")).containsExactly("report.bin");
        assertThat(content("docs/big.bin")).isEqualTo(big);
        assertThat(new String(content("docs/renamed.txt"), StandardCharsets.UTF_8)).isEqualTo("second draft\n");
        assertThat(content("shared/report.bin")).isEqualTo(newReport);
        assertThat(server.volume().locks().within(HOME)).as("every lock released").isEmpty();
    }

    /**
     * davfs2 finds a name in its listing of the parent, where the history folder is not, so a
     * mount of the home never reaches it (and a {@code cp -r} of the mount copies no past tree);
     * the history folder mounted on its own serves the past trees, read-only.
     */
    @Test
    void pastRevisionsReadThroughAMountOfTheHistoryFolderWhereWritesAreRefused() throws Exception {
        assertThat(alice.mkcol("/docs").status()).isEqualTo(201);
        assertThat(alice.put("/docs/a.txt", "version one").status()).isEqualTo(201);
        long one = server.volume().position();
        assertThat(alice.put("/docs/a.txt", "version two").status()).isEqualTo(204);
        long before = server.volume().position();
        mount();
        assertThat(mountPoint.resolve(".history")).doesNotExist();
        assertThat(Files.readString(mountPoint.resolve("docs/a.txt"))).isEqualTo("version two");
        unmount();

        mount("/.history/");
        Path past = mountPoint.resolve("@" + one + "/docs");
        assertThat(Files.readString(past.resolve("a.txt"))).isEqualTo("version one");
        assertThatThrownBy(() -> Files.writeString(past.resolve("new.txt"), "x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.delete(past.resolve("a.txt"))).isInstanceOf(IOException.class);
        unmount();

        assertThat(server.volume().position()).as("nothing changed").isEqualTo(before);
        assertThat(names("")).containsExactly("docs");
    }

    @Test
    void aFileOpenForWritingIsLockedAgainstOtherClientsAndUnlockedOnceUploaded() throws Exception {
        assertThat(alice.put("/existing.txt", "old").status()).isEqualTo(201);
        mount();

        try (FileChannel created = FileChannel.open(mountPoint.resolve("created.txt"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel existing = FileChannel.open(mountPoint.resolve("existing.txt"),
                     StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            created.write(ByteBuffer.wrap("created while locked".getBytes(StandardCharsets.UTF_8)));
            existing.write(ByteBuffer.wrap("rewritten while locked".getBytes(StandardCharsets.UTF_8)));
            for (String name : List.of("created.txt", "existing.txt")) {
                List<Lock> locks = server.volume().locks().covering(inHome(name));
                assertThat(locks).as(name).singleElement().satisfies(lock -> {
                    assertThat(lock.user()).isEqualTo("alice");
                    assertThat(lock.shared()).isFalse();
                });
                assertThat(alice.put("/" + name, "from another client").status())
                        .as("a PUT without the token on " + name).isEqualTo(423);
            }
        }
        unmount();

        assertThat(new String(content("created.txt"), StandardCharsets.UTF_8)).isEqualTo("created while locked");
        assertThat(new String(content("existing.txt"), StandardCharsets.UTF_8)).isEqualTo("rewritten while locked");
        assertThat(server.volume().locks().within(HOME)).as("every lock released").isEmpty();
    }
}
