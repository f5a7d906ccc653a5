package org.eventvfs.sftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.CopyDataExtension;
import org.apache.sshd.sftp.client.extensions.CopyFileExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.spi.AdapterContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read-only history folder over SFTP: {@code /.history/@p/} is the home as of position p, read
 * with SSHD's client and checked against the projection at p.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpHistoryTest {
    private static final String PASSWORD = "correct horse battery staple";

    private TestServer server;
    private SshClients clients;

    @BeforeAll
    void start() {
        server = new TestServer();
        clients = new SshClients();
    }

    @AfterAll
    void stop() {
        clients.close();
        server.close();
    }

    private Volume volume() {
        return server.volume();
    }

    /** A new user with a random history of {@code commands} changes in the home. */
    private VfsPath userWithHistory(String user, long seed, int commands) {
        server.addUser(user, PASSWORD, List.of(), false);
        VfsPath home = VfsPath.parse("/home/" + user);
        new RandomHistory(volume(), home, seed).run(commands);
        return home;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyPastTreeReadsAsTheProjectionAtItsPosition(long seed) throws IOException {
        String user = "random" + seed;
        VfsPath home = userWithHistory(user, seed, 150);
        long head = volume().position();
        Random random = new Random(seed);
        TreeSet<Long> positions = new TreeSet<>(List.of(0L, 1L, head - 1, head));
        while (positions.size() < 16) {
            positions.add(1 + (long) random.nextInt((int) head));
        }
        try (SftpClient sftp = clients.sftp(server.port, user, PASSWORD)) {
            for (long p : positions) {
                assertThat(HistoryTrees.overSftp(sftp, "/.history/@" + p)).as("position %d", p)
                        .isEqualTo(HistoryTrees.inVolume(volume(), home, p));
            }
            assertThat(HistoryTrees.overSftp(sftp, "/.history/@" + head)).as("the head is the home")
                    .isEqualTo(HistoryTrees.overSftp(sftp, "/"));
        }
    }

    @Test
    void aTimeNamesTheLastPositionOfItsSecond() throws IOException {
        VfsPath home = userWithHistory("timed", 4, 60);
        long head = volume().position();
        try (SftpClient sftp = clients.sftp(server.port, "timed", PASSWORD)) {
            for (long p : List.of(head - 40, head - 10, head)) {
                long time = volume().timeOf(p);
                long expected = volume().positionAt(time / 1000 * 1000 + 999);
                String name = HistoryFolder.timeName(time);
                assertThat(HistoryTrees.overSftp(sftp, "/.history/" + name)).as(name)
                        .isEqualTo(HistoryTrees.inVolume(volume(), home, expected));
                assertThat(HistoryTrees.overSftp(sftp, "/.history/" + name.replace(':', '-')))
                        .as("the colon-free form").isEqualTo(HistoryTrees.inVolume(volume(), home, expected));
                assertThat(sftp.stat("/.history/" + name).getModifyTime().toMillis() / 1000)
                        .isEqualTo(volume().timeOf(expected) / 1000);
            }
        }
    }

    @Test
    void theFolderListsItsEntriesAndIsNotInTheHomeListing() throws IOException {
        userWithHistory("lister", 5, 30);
        try (SftpClient sftp = clients.sftp(server.port, "lister", PASSWORD)) {
            List<String> home = names(sftp, "/");
            assertThat(home).isNotEmpty().doesNotContain(".history");
            Attributes folder = sftp.stat("/.history");
            assertThat(folder.isDirectory()).isTrue();
            assertThat(sftp.canonicalPath("/.history/@3/..")).isEqualTo("/.history");

            List<DirEntry> entries = new ArrayList<>();
            sftp.readDir("/.history").forEach(entries::add);
            entries.removeIf(e -> e.getFilename().equals(".") || e.getFilename().equals(".."));
            List<HistoryFolder.Entry> expected = HistoryFolder.entries(volume());
            assertThat(entries).extracting(DirEntry::getFilename)
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(HistoryFolder.Entry::name).toList());
            for (DirEntry entry : entries) {
                HistoryFolder.Entry wanted = expected.stream().filter(e -> e.name().equals(entry.getFilename()))
                        .findFirst().orElseThrow();
                assertThat(entry.getAttributes().isDirectory()).isTrue();
                assertThat(entry.getAttributes().getModifyTime().toMillis() / 1000).as(entry.getFilename())
                        .isEqualTo(wanted.time() / 1000);
            }
            assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/.history/yesterday"));
            assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/.history/@" + (volume().position() + 1)));
            assertThat(names(sftp, "/.history/@1")).as("before the home was made: an empty folder").isEmpty();
        }
    }

    @Test
    void linksInAPastTreeFollowThatTreeAndStayInTheHome() throws IOException {
        server.addUser("linker", PASSWORD, List.of(), false);
        try (SftpClient sftp = clients.sftp(server.port, "linker", PASSWORD)) {
            sftp.mkdir("/dir");
            put(sftp, "/dir/file", "old");
            sftp.symLink("/abs", "/dir/file");
            sftp.symLink("/up", "../../../..");
            long then = volume().position();
            put(sftp, "/dir/file", "new and longer");
            sftp.remove("/abs");
            sftp.symLink("/abs", "/elsewhere");

            String past = "/.history/@" + then;
            assertThat(get(sftp, past + "/abs")).as("an absolute target is in the past home").isEqualTo("old");
            assertThat(sftp.readLink(past + "/abs")).isEqualTo("/dir/file");
            assertThat(get(sftp, past + "/up/up/dir/file")).as("'..' ends at the past home").isEqualTo("old");
            assertThat(names(sftp, past + "/up")).containsExactlyInAnyOrder("abs", "dir", "up");
            assertThat(get(sftp, "/dir/file")).isEqualTo("new and longer");
        }
    }

    @Test
    void everyWriteInTheFolderIsRefusedAndChangesNothing() throws IOException {
        server.addUser("writer", PASSWORD, List.of(), false);
        try (SftpClient sftp = clients.sftp(server.port, "writer", PASSWORD)) {
            sftp.mkdir("/dir");
            String past = firstOfTwoRevisions(sftp, "/doc");
            long before = volume().position();

            refused(() -> put(sftp, past + "/doc", "x"));
            refused(() -> put(sftp, past + "/new", "x"));
            refused(() -> put(sftp, "/.history/new", "x"));
            refused(() -> sftp.mkdir(past + "/made"));
            refused(() -> sftp.remove(past + "/doc"));
            refused(() -> sftp.rmdir(past + "/dir"));
            refused(() -> sftp.rmdir(past));
            refused(() -> sftp.rmdir("/.history"));
            refused(() -> sftp.rename(past + "/doc", "/moved-out"));
            refused(() -> sftp.rename("/doc", past + "/moved-in"));
            refused(() -> sftp.rename(past + "/doc", past + "/renamed"));
            refused(() -> sftp.rename(past, "/restored"));
            refused(() -> sftp.symLink(past + "/link", "/doc"));
            refused(() -> sftp.setStat(past + "/doc", new Attributes().perms(0600)));
            FileTime epoch = FileTime.fromMillis(0);
            refused(() -> sftp.setStat(past + "/doc", new Attributes().modifyTime(epoch).accessTime(epoch)));
            refused(() -> sftp.getExtension(CopyFileExtension.class).copyFile("/doc", past + "/copy", false));

            assertThat(volume().position()).as("nothing written").isEqualTo(before);
            assertThat(get(sftp, past + "/doc")).isEqualTo("first");
            assertThat(get(sftp, "/doc")).isEqualTo("second");
        }
    }

    @Test
    void aPastFileCanBeCopiedOutButNotMoved() throws IOException {
        server.addUser("copier", PASSWORD, List.of(), false);
        try (SftpClient sftp = clients.sftp(server.port, "copier", PASSWORD)) {
            sftp.mkdir("/dir");
            String past = firstOfTwoRevisions(sftp, "/dir/doc");

            try (CloseableHandle from = sftp.open(past + "/dir/doc", OpenMode.Read);
                 CloseableHandle to = sftp.open("/by-copy-data", OpenMode.Write, OpenMode.Create)) {
                sftp.getExtension(CopyDataExtension.class).copyData(from, 0, 0, to, 0);
            }
            assertThat(get(sftp, "/by-copy-data")).isEqualTo("first");
            sftp.getExtension(CopyFileExtension.class).copyFile(past + "/dir/doc", "/by-copy-file", false);
            assertThat(get(sftp, "/by-copy-file")).isEqualTo("first");

            long before = volume().position();
            SftpException folder = catchThrowableOfType(SftpException.class,
                    () -> sftp.getExtension(CopyFileExtension.class).copyFile(past + "/dir", "/dir-copy", false));
            assertThat(folder.getStatus()).isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED);
            assertThat(folder.getMessage()).contains("only files can be copied out of the history folder");
            refused(() -> sftp.rename(past + "/dir/doc", "/moved"));
            assertThat(volume().position()).isEqualTo(before);
        }
    }

    @Test
    void aRealNodeOfTheFolderNameWins() throws IOException {
        server.addUser("owner", PASSWORD, List.of(), false);
        // Made by another protocol, or before the folder was configured: over SFTP the name is taken.
        volume().execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/home/owner/.history"), 0755),
                Actor.cli("owner")).await();
        try (SftpClient sftp = clients.sftp(server.port, "owner", PASSWORD)) {
            put(sftp, "/.history/mine", "my own file");
            assertThat(names(sftp, "/")).contains(".history");
            assertThat(names(sftp, "/.history")).containsExactly("mine");
            assertThat(get(sftp, "/.history/mine")).isEqualTo("my own file");
            assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/.history/@1"));
            sftp.remove("/.history/mine");
            sftp.rmdir("/.history");
            assertThat(sftp.stat("/.history/@1").isDirectory()).as("the folder is back").isTrue();
        }
    }

    @Test
    void theFolderNameIsConfigurableAndEmptyTurnsItOff() throws IOException {
        server.addUser("config", PASSWORD, List.of(), false);
        SftpAdapter off = new SftpAdapter();
        SftpAdapter snapshots = new SftpAdapter();
        try (SftpClient sftp = clients.sftp(start(off, ""), "config", PASSWORD);
             SftpClient custom = clients.sftp(start(snapshots, "snapshots"), "config", PASSWORD)) {
            String then = firstOfTwoRevisions(sftp, "/doc").substring("/.history/".length());
            assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/.history"));
            assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> sftp.stat("/.history/" + then));
            assertThat(get(custom, "/snapshots/" + then + "/doc")).isEqualTo("first");
            assertStatus(SftpConstants.SSH_FX_NO_SUCH_FILE, () -> custom.stat("/.history"));
            assertThat(names(custom, "/")).containsExactly("doc");
            SftpException e = catchThrowableOfType(SftpException.class,
                    () -> put(custom, "/snapshots/" + then + "/doc", "x"));
            assertThat(e.getStatus()).isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED);
        } finally {
            off.stop().await();
            snapshots.stop().await();
        }
    }

    private int start(SftpAdapter adapter, String historyFolder) {
        String address = adapter.start(new AdapterContext(server.vertx, server.vfs, "127.0.0.1", 0, server.data,
                Map.of(), historyFolder)).await();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Writes "first" then "second" to {@code file}; answers the path of the past tree holding "first". */
    private String firstOfTwoRevisions(SftpClient sftp, String file) throws IOException {
        put(sftp, file, "first");
        String past = "/.history/@" + volume().position();
        put(sftp, file, "second");
        return past;
    }

    private static List<String> names(SftpClient sftp, String directory) throws IOException {
        List<String> names = new ArrayList<>();
        for (DirEntry entry : sftp.readDir(directory)) {
            if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                names.add(entry.getFilename());
            }
        }
        return names;
    }

    private static void put(SftpClient sftp, String path, String content) throws IOException {
        try (CloseableHandle handle = sftp.open(path, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
            sftp.write(handle, 0, content.getBytes(UTF_8));
        }
    }

    private static String get(SftpClient sftp, String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private static void refused(ThrowingCallable call) {
        SftpException e = catchThrowableOfType(SftpException.class, call);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getStatus()).as(e.getMessage()).isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("the history folder is read-only");
    }

    private static void assertStatus(int status, ThrowingCallable call) {
        SftpException e = catchThrowableOfType(SftpException.class, call);
        assertThat(e).as("expected status %s", SftpConstants.getStatusName(status)).isNotNull();
        assertThat(e.getStatus()).as(e.getMessage()).isEqualTo(status);
    }
}
