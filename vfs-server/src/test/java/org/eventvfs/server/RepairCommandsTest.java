package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.ProjectedVolume;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.TreeDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs restore} and {@code vfs undo}, through a running server and on the stores directly. */
@Timeout(60)
class RepairCommandsTest {
    private static final Actor ALICE = new Actor("alice", "sftp", "127.0.0.1:40001", "s-1", "OpenSSH_9.2");
    private static final Actor BOB = new Actor("bob", "webdav", "127.0.0.1:40002", "w-1", "davfs2");
    private static final Actor MALLORY = new Actor("mallory", "sftp", "10.6.6.6:666", "s-66", "evil");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void ransomwareIsUndoneWhileOthersWorkIsKept() {
        Path data = dir.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            mkdir(volume, "/team");
            mkdir(volume, "/team/docs");
            write(volume, "/team/a.txt", "quarterly numbers", ALICE);
            write(volume, "/team/docs/b.txt", "the plan", ALICE);
            write(volume, "/team/shared.txt", "minutes", ALICE);
            long clean = volume.position();

            write(volume, "/team/a.txt", "ENCRYPTED a", MALLORY);
            write(volume, "/team/docs/b.txt", "ENCRYPTED b", MALLORY);
            move(volume, "/team/docs/b.txt", "/team/docs/b.txt.locked", MALLORY);
            write(volume, "/team/README-RANSOM.txt", "pay up", MALLORY);
            write(volume, "/team/shared.txt", "ENCRYPTED shared", MALLORY);
            write(volume, "/team/shared.txt", "minutes, rewritten by bob", BOB);
            long damaged = volume.position();

            Result dry = cli.run("undo", "--user", "mallory", "--since", "@" + (clean + 1), "--dry-run",
                    "--data", data.toString());
            assertThat(dry.status()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("restore /team/a.txt to @" + clean)
                    .contains("remove /team/README-RANSOM.txt")
                    .contains("bring back /team/docs/b.txt")
                    .contains("left alone /team/shared.txt: changed by bob at @" + damaged)
                    .contains("dry run: nothing changed");
            assertThat(volume.position()).isEqualTo(damaged);

            Result undone = cli.run("undo", "--user", "mallory", "--since", "@" + (clean + 1),
                    "--data", data.toString());
            assertThat(undone.status()).as(undone.err()).isZero();
            assertThat(undone.out()).contains("done: positions " + (damaged + 1));

            assertThat(read(volume, "/team/a.txt")).isEqualTo("quarterly numbers");
            assertThat(read(volume, "/team/docs/b.txt")).isEqualTo("the plan");
            assertThat(read(volume, "/team/shared.txt")).isEqualTo("minutes, rewritten by bob");
            assertThat(volume.list(VfsPath.parse("/team/docs")).await()).extracting(n -> n.name())
                    .containsExactly("b.txt");
            assertThat(volume.stat(VfsPath.parse("/team/README-RANSOM.txt")).failed()).isTrue();

            List<EventEnvelope> log = volume.events(clean + 1, Integer.MAX_VALUE).await();
            assertThat(log).as("the damage stays in the log").anyMatch(e -> e.actor().user().equals("mallory"));
            EventEnvelope repair = log.stream().filter(e -> e.position() == damaged + 1).findFirst().orElseThrow();
            assertThat(repair.payload()).isInstanceOf(VolumeEvent.TreeRestored.class);
            assertThat(repair.actor().protocol()).isEqualTo("admin");
        }
    }

    @Test
    void aFolderIsRestoredOnTheStoresByTime() {
        Path data = dir.resolve("data");
        long before;
        String at;
        var expected = new java.util.TreeMap<VfsPath, org.eventvfs.domain.Node>();
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            mkdir(volume, "/docs");
            write(volume, "/docs/one.txt", "one", ALICE);
            write(volume, "/docs/two.txt", "two", ALICE);
            before = volume.position();
            at = HistoryFolder.timeName(volume.timeOf(before));
            expected.putAll(TreeDump.shape(((ProjectedVolume) volume).projection().head(), VfsPath.parse("/docs")));
            sleepPastTheSecond();
            write(volume, "/docs/one.txt", "overwritten", BOB);
            volume.execute(new VolumeCommand.Remove(VfsPath.parse("/docs/two.txt"), RemoveMode.NON_DIRECTORY_ONLY),
                    BOB).await();
            write(volume, "/docs/three.txt", "new", BOB);
        }

        Result restored = cli.run("restore", "/docs", "--at", at, "--data", data.toString());

        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("restore /docs to @" + before).contains("remove /docs/three.txt")
                .contains("bring back /docs/two.txt").contains("content of /docs/one.txt: 3 bytes");
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            assertThat(TreeDump.shape(((ProjectedVolume) volume).projection().head(), VfsPath.parse("/docs")))
                    .isEqualTo(expected);
            assertThat(read(volume, "/docs/two.txt")).isEqualTo("two");
        }
    }

    @Test
    void badRequestsAreRefusedByName() {
        Path data = dir.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            mkdir(volume, "/gone");
            write(volume, "/gone/f", "x", ALICE);
            volume.execute(new VolumeCommand.Remove(VfsPath.parse("/gone"), RemoveMode.RECURSIVE), ALICE).await();
            long head = volume.position();

            Result badTime = cli.run("restore", "/x", "--at", "last tuesday", "--data", data.toString());
            assertThat(badTime.status()).isEqualTo(1);
            assertThat(badTime.err()).contains("--at").contains("last tuesday").contains("is not a time");

            Result noVolume = cli.run("restore", "/x", "--at", "@1", "--volume", "nope", "--data", data.toString());
            assertThat(noVolume.status()).isEqualTo(1);
            assertThat(noVolume.err()).contains("no volume nope");

            Result noFolder = cli.run("restore", "/gone/f", "--at", "@2", "--data", data.toString());
            assertThat(noFolder.status()).isEqualTo(1);
            assertThat(noFolder.err()).contains("/gone does not exist now");

            Result future = cli.run("restore", "/gone", "--at", "@" + (head + 5), "--data", data.toString());
            assertThat(future.status()).isEqualTo(1);
            assertThat(volume.position()).isEqualTo(head);
        }
    }

    @Test
    void aRevisionWhoseContentIsNoLongerStoredIsNotRestored() throws Exception {
        Path data = dir.resolve("data");
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            write(volume, "/f", "the first revision", ALICE);
            long first = volume.position();
            write(volume, "/f", "the second revision", ALICE);
            Thread.sleep(5);
            Result gc = cli.run("gc", "--keep-days", "0", "--grace", "0", "--data", data.toString());
            assertThat(gc.out()).as(gc.err()).contains("deleted 1");
            long head = volume.position();

            Result refused = cli.run("restore", "/f", "--at", "@" + first, "--data", data.toString());

            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).contains("no longer stored");
            assertThat(volume.position()).isEqualTo(head);
            assertThat(read(volume, "/f")).isEqualTo("the second revision");
        }
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void mkdir(Volume volume, String path) {
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse(path), 0755), ALICE).await();
    }

    private static void write(Volume volume, String path, String text, Actor actor) {
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(text)).await();
        Content content = upload.finish().await();
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse(path), content, 0644, Overwrite.REPLACE, null),
                actor).await();
    }

    private static void move(Volume volume, String from, String to, Actor actor) {
        volume.execute(new VolumeCommand.Move(VfsPath.parse(from), VfsPath.parse(to), Overwrite.NEVER), actor)
                .await();
    }

    private static String read(Volume volume, String path) {
        Content content = volume.stat(VfsPath.parse(path)).await().content();
        return volume.read(content, 0, (int) content.size()).await().toString(StandardCharsets.UTF_8);
    }
}
