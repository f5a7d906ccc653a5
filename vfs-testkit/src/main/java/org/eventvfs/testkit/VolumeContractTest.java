package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.eventvfs.HistoryPoint;
import org.eventvfs.StagedFile;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every back-end must do for a volume: durable, atomic, idempotent, concurrent, readable. */
public abstract class VolumeContractTest extends OpenVfsTest {
    protected static final Actor ACTOR = new Actor("tester", "test", "127.0.0.1", "s-1", "junit");

    protected Volume volume() {
        return vfs.volume("main").await();
    }

    protected void reopen() {
        vfs.close().await();
        vfs = StoreFixture.open(vertx, options);
    }

    private List<EventEnvelope> closedLog() {
        vfs.close().await();
        vfs = null;
        return StoreFixture.readAll(vertx, options, "main");
    }

    @Test
    void manyConcurrentWritersLoseNothing() {
        Volume volume = volume();
        int callers = 64;
        int each = 40;
        List<Future<Committed>> all = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            for (int i = 0; i < each; i++) {
                all.add(volume.execute(new VolumeCommand.CreateFile(VfsPath.parse("/f-" + c + "-" + i), 0644,
                        Overwrite.NEVER), ACTOR));
            }
        }
        Future.all(all).await();
        assertThat(volume.list(VfsPath.root()).await()).hasSize(callers * each);
        List<EventEnvelope> log = closedLog();
        assertThat(log).hasSize(callers * each);
        Set<UUID> commands = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i).position()).isEqualTo(i + 1);
            assertThat(commands.add(log.get(i).commandId())).isTrue();
            assertThat(log.get(i).previousHash()).isEqualTo(i == 0 ? EventEnvelope.GENESIS : log.get(i - 1).hash());
        }
    }

    @Test
    void aRefusalIsAnsweredOnlyOnceWhatItRestsOnIsVisible() {
        Volume volume = volume();
        for (int i = 0; i < 200; i++) {
            VfsPath path = VfsPath.parse("/race-" + i);
            Future<Committed> first = volume.execute(new VolumeCommand.CreateDirectory(path, 0755), ACTOR);
            Future<Boolean> visibleWhenRefused = volume.execute(new VolumeCommand.CreateDirectory(path, 0755), ACTOR)
                    .transform(second -> Future.succeededFuture(second.failed()
                            && second.cause() instanceof VfsException.AlreadyExists
                            && volume.stat(path).succeeded()));

            assertThat(visibleWhenRefused.await()).as("'exists' answered for %s while a reader cannot see it", path)
                    .isTrue();
            first.await();
        }
    }

    @Test
    void aCommandIdIsAppliedOnce() {
        Volume volume = volume();
        UUID id = UUID.randomUUID();
        VolumeCommand mkdir = new VolumeCommand.CreateDirectory(VfsPath.parse("/once"), 0755);
        Future<Committed> first = volume.execute(id, mkdir, ACTOR);
        Future<Committed> sameBatch = volume.execute(id, mkdir, ACTOR);
        Committed a = first.await();
        Committed b = sameBatch.await();
        Committed later = volume.execute(id, mkdir, ACTOR).await();
        assertThat(a.repeated()).isFalse();
        assertThat(b.repeated()).isTrue();
        assertThat(later.repeated()).isTrue();
        assertThat(later.lastPosition()).isEqualTo(a.lastPosition());
        reopen();
        assertThat(volume().execute(id, mkdir, ACTOR).await().repeated()).as("after a restart too").isTrue();
        assertThat(closedLog()).hasSize(1);
    }

    @Test
    void refusedCommandsChangeNothing() {
        Volume volume = volume();
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/d"), 0755), ACTOR).await();
        volume.execute(new VolumeCommand.CreateFile(VfsPath.parse("/d/f"), 0644, Overwrite.NEVER), ACTOR).await();
        long before = volume.position();
        List<VolumeCommand> refused = List.of(
                new VolumeCommand.CreateDirectory(VfsPath.parse("/nope/x"), 0755),
                new VolumeCommand.CreateDirectory(VfsPath.parse("/d/f/x"), 0755),
                new VolumeCommand.Remove(VfsPath.parse("/d"), RemoveMode.EMPTY_DIRECTORY_ONLY),
                new VolumeCommand.Move(VfsPath.parse("/d"), VfsPath.parse("/d/inside"), Overwrite.REPLACE),
                new VolumeCommand.CreateFile(VfsPath.parse("/d/f"), 0644, Overwrite.NEVER),
                new VolumeCommand.CreateSymlink(VfsPath.parse("/l"), "bad\0target"));
        for (VolumeCommand command : refused) {
            assertThatThrownBy(() -> volume.execute(command, ACTOR).await()).isInstanceOf(VfsException.class);
        }
        for (String bad : List.of("/a/../b", "/a\0", "/" + "x".repeat(256))) {
            assertThatThrownBy(() -> VfsPath.parse(bad)).isInstanceOf(VfsException.InvalidName.class);
        }
        assertThat(volume.position()).isEqualTo(before);
        assertThat(closedLog()).hasSize((int) before);
    }

    @Test
    void answeredMeansVisibleAndPublished() {
        Volume volume = volume();
        List<EventEnvelope> published = Collections.synchronizedList(new ArrayList<>());
        vertx.eventBus().<EventEnvelope>consumer(Vfs.eventsAddress("main"), m -> published.add(m.body()))
                .completion().await();
        Committed c = volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/seen"), 0755), ACTOR).await();
        assertThat(volume.stat(VfsPath.parse("/seen")).await().isDirectory()).isTrue();
        assertThat(volume.position()).isEqualTo(c.lastPosition());
        // Published before the answer; delivered to a consumer asynchronously, on its own context.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (published.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(published).extracting(EventEnvelope::position).containsExactly(c.lastPosition());
        assertThat(published.getFirst().actor()).isEqualTo(ACTOR);
    }

    @Test
    void contentRoundTripsAcrossBlocksAndDeduplicates() {
        Volume volume = volume();
        byte[] data = randomBytes(5 * BLOCK + 1234, 1);
        Content content = upload(volume, data, 7777);
        assertThat(content.size()).isEqualTo(data.length);
        assertThat(content.blocks()).hasSize(6);
        assertThat(content.sha256()).isEqualTo(Sha256.of(Sha256.newDigest().digest(data)));
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/big"), content, 0644, Overwrite.NEVER, null),
                ACTOR).await();
        Node node = volume.stat(VfsPath.parse("/big")).await();
        assertThat(node.content()).isEqualTo(content);
        assertThat(read(volume, node.content(), 0, data.length)).isEqualTo(data);
        int from = BLOCK - 10;
        assertThat(read(volume, node.content(), from, BLOCK + 20))
                .isEqualTo(java.util.Arrays.copyOfRange(data, from, from + BLOCK + 20));
        assertThat(read(volume, node.content(), data.length - 5, 100)).hasSize(5);
        assertThat(upload(volume, data, 1000).blocks()).as("same bytes, same blocks").isEqualTo(content.blocks());
    }

    @Test
    void theFileDigestIsTheSha256OfItsBytesAtEverySizeAroundABlock() {
        Volume volume = volume();
        for (int size : new int[] {0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK, 2 * BLOCK + 7}) {
            byte[] data = randomBytes(size, size);
            Content content = upload(volume, data, 1000);
            assertThat(content.sha256()).as("%d bytes", size).isEqualTo(Sha256.of(Sha256.newDigest().digest(data)));
            assertThat(content.blocks()).as("%d bytes", size).hasSize((size + BLOCK - 1) / BLOCK);
            assertThat(content.size()).isEqualTo(size);
        }
    }

    @Test
    void stagedWritesAtOffsetsBecomeOneNewRevision() {
        Volume volume = volume();
        byte[] original = randomBytes(2 * BLOCK + 10, 2);
        Content first = upload(volume, original, 4096);
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/f"), first, 0644, Overwrite.NEVER, null),
                ACTOR).await();
        long before = volume.position();

        StagedFile staged = volume.stage(first);
        byte[] patch = randomBytes(100, 3);
        staged.write(BLOCK - 50, Buffer.buffer(patch)).await();
        staged.write(original.length + 20, Buffer.buffer(patch)).await();
        assertThat(volume.stat(VfsPath.parse("/f")).await().content()).as("invisible until committed")
                .isEqualTo(first);
        Content second = staged.seal().await();
        staged.discard().await();
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/f"), second, 0644, Overwrite.REPLACE, null),
                ACTOR).await();

        byte[] expected = java.util.Arrays.copyOf(original, original.length + 120);
        System.arraycopy(patch, 0, expected, BLOCK - 50, 100);
        System.arraycopy(patch, 0, expected, original.length + 20, 100);
        assertThat(read(volume, volume.stat(VfsPath.parse("/f")).await().content(), 0, expected.length))
                .isEqualTo(expected);
        assertThat(read(volume, volume.stat(VfsPath.parse("/f"), before).await().content(), 0, original.length))
                .as("the old revision is still there").isEqualTo(original);
    }

    @Test
    void restartGivesTheSameTreeWithAndWithoutSnapshot() {
        Volume volume = volume();
        for (int i = 0; i < 50; i++) {
            volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/d" + i), 0755), ACTOR).await();
            volume.execute(new VolumeCommand.Move(VfsPath.parse("/d" + i), VfsPath.parse("/e" + i),
                    Overwrite.NEVER), ACTOR).await();
        }
        var before = TreeDump.of(((org.eventvfs.impl.ProjectedVolume) volume).projection().head());
        reopen();
        assertThat(TreeDump.of(((org.eventvfs.impl.ProjectedVolume) volume()).projection().head())).isEqualTo(before);
        vfs.close().await();
        StoreFixture.delete(dir.resolve("snapshots"));
        vfs = StoreFixture.open(vertx, options);
        assertThat(TreeDump.of(((org.eventvfs.impl.ProjectedVolume) volume()).projection().head())).isEqualTo(before);
    }

    @Test
    void pastPointsAreFoundByTimeWithAndWithoutSnapshot() {
        long day = HistoryPoint.DAY_MILLIS;
        long[] now = {10 * day + 1_000};
        options = options.withClock(() -> now[0]);
        reopen();
        Volume volume = volume();
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/a"), 0755), ACTOR).await();
        now[0] += 5_000;
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/b"), 0755), ACTOR).await();
        now[0] = 12 * day + 7;
        volume.execute(new VolumeCommand.Move(VfsPath.parse("/b"), VfsPath.parse("/c"), Overwrite.NEVER), ACTOR)
                .await();
        for (int pass = 0; pass < 3; pass++) {
            Volume v = volume();
            assertThat(v.positionAt(10 * day)).isZero();
            assertThat(v.positionAt(10 * day + 1_000)).isEqualTo(1);
            assertThat(v.positionAt(10 * day + 5_999)).isEqualTo(1);
            assertThat(v.positionAt(11 * day)).isEqualTo(2);
            assertThat(v.positionAt(Long.MAX_VALUE)).isEqualTo(3);
            assertThat(v.timeOf(2)).isEqualTo(10 * day + 6_000);
            assertThat(v.timeOf(4)).isEqualTo(-1);
            assertThat(v.changeDays()).containsExactly(new HistoryPoint(2, 10 * day + 6_000),
                    new HistoryPoint(3, 12 * day + 7));
            assertThat(v.latestPoints(2)).containsExactly(new HistoryPoint(3, 12 * day + 7),
                    new HistoryPoint(2, 10 * day + 6_000));
            assertThat(v.events(2, 10).await()).extracting(EventEnvelope::position).containsExactly(2L, 3L);
            assertThat(v.events(4, 10).await()).isEmpty();
            if (pass == 0) {
                reopen();
            } else {
                vfs.close().await();
                StoreFixture.delete(dir.resolve("snapshots"));
                vfs = StoreFixture.open(vertx, options);
            }
        }
    }

    @Test
    void aFailedAppendAppliesNothingAndWritingGoesOn() {
        FaultyEventStore store = reopenFaulty();
        Volume volume = volume();
        volume.execute(new VolumeCommand.CreateDirectory(VfsPath.parse("/d"), 0755), ACTOR).await();
        store.failNextAppend(FaultyEventStore.Fault.REFUSE);
        List<Future<Committed>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(volume.execute(new VolumeCommand.CreateFile(VfsPath.parse("/d/f" + i), 0644, Overwrite.NEVER),
                    ACTOR));
        }
        Future.join(all).otherwiseEmpty().await();
        long failed = all.stream().filter(Future::failed).count();
        assertThat(failed).as("the refused append's commands fail").isPositive();
        all.stream().filter(Future::failed)
                .forEach(f -> assertThat(f.cause()).isInstanceOf(VfsException.Unavailable.class));
        for (int i = 0; i < all.size(); i++) {
            boolean exists = volume.list(VfsPath.parse("/d")).await().stream()
                    .anyMatch(n -> n.name().startsWith("f")) && fileExists(volume, "/d/f" + i);
            assertThat(exists).as("/d/f%d exists exactly when its command succeeded", i)
                    .isEqualTo(all.get(i).succeeded());
        }
        volume.execute(new VolumeCommand.CreateFile(VfsPath.parse("/d/after"), 0644, Overwrite.NEVER), ACTOR).await();
        var live = TreeDump.of(((org.eventvfs.impl.ProjectedVolume) volume).projection().head());
        List<EventEnvelope> log = closedLog();
        assertThat(log).hasSize(2 + (int) (all.size() - failed));
        reopenedEquals(live);
    }

    @Test
    void anAppendWhoseAnswerWasLostIsCaughtUpAndNotRepeated() {
        FaultyEventStore store = reopenFaulty();
        Volume volume = volume();
        UUID id = UUID.randomUUID();
        VolumeCommand mkdir = new VolumeCommand.CreateDirectory(VfsPath.parse("/x"), 0755);
        store.failNextAppend(FaultyEventStore.Fault.LOSE_ANSWER);
        assertThatThrownBy(() -> volume.execute(id, mkdir, ACTOR).await()).isInstanceOf(VfsException.Unavailable.class);
        Committed retry = volume.execute(id, mkdir, ACTOR).await();
        assertThat(retry.repeated()).as("the retry finds the write that was kept").isTrue();
        assertThat(volume.stat(VfsPath.parse("/x")).await().isDirectory()).isTrue();
        assertThat(closedLog()).hasSize(1);
    }

    private FaultyEventStore reopenFaulty() {
        vfs.close().await();
        String name = "contract-" + UUID.randomUUID();
        options = options.withEvents(FaultyEventStore.wrap(name, options.events()));
        vfs = StoreFixture.open(vertx, options);
        return FaultyEventStore.opened(name);
    }

    private void reopenedEquals(java.util.SortedMap<VfsPath, Node> expected) {
        vfs = StoreFixture.open(vertx, options);
        assertThat(TreeDump.of(((org.eventvfs.impl.ProjectedVolume) volume()).projection().head())).isEqualTo(expected);
    }

    private static boolean fileExists(Volume volume, String path) {
        return volume.stat(VfsPath.parse(path)).otherwiseEmpty().await() != null;
    }

    @Test
    void accountsAreEventsAndPasswordsAreChecked() {
        String hash = org.eventvfs.PasswordHasher.hash("correct horse".toCharArray());
        vfs.accounts().execute(new AccountCommand.AddUser("alice", hash, List.of(), "main", VfsPath.parse("/alice"),
                false, false), ACTOR).await();
        assertThat(vfs.accounts().authenticate("alice", "correct horse".toCharArray()).await().home())
                .isEqualTo(VfsPath.parse("/alice"));
        assertThatThrownBy(() -> vfs.accounts().authenticate("alice", "wrong".toCharArray()).await())
                .isInstanceOf(VfsException.PermissionDenied.class).hasMessage("wrong user name or password");
        assertThatThrownBy(() -> vfs.accounts().authenticate("mallory", "wrong".toCharArray()).await())
                .isInstanceOf(VfsException.PermissionDenied.class).hasMessage("wrong user name or password");
        assertThatThrownBy(() -> vfs.accounts().execute(new AccountCommand.AddUser("alice", null, List.of(), "main",
                VfsPath.root(), false, false), ACTOR).await()).isInstanceOf(VfsException.AlreadyExists.class);
        vfs.accounts().execute(new AccountCommand.ChangeAccess("alice", "main", VfsPath.parse("/a2"), true), ACTOR)
                .await();
        reopen();
        Account alice = vfs.accounts().find("alice").await();
        assertThat(alice.readOnly()).isTrue();
        assertThat(alice.home()).isEqualTo(VfsPath.parse("/a2"));
        vfs.close().await();
        vfs = null;
        assertThat(StoreFixture.readAll(vertx, options, EventEnvelope.ACCOUNTS))
                .extracting(EventEnvelope::type).containsExactly("UserAdded", "AccessChanged");
    }

    /** A close that waited on something closing never answers hung whole test runs. */
    @Test
    @Timeout(120)
    void aVfsOpenedAndClosedInARowClosesEveryTime() {
        for (int i = 0; i < 20; i++) {
            reopen();
        }
        assertThat(volume().position()).isZero();
    }

    @Test
    void onlyActiveUsersLogInAndInvitesAreRedeemedOnce() {
        String hash = org.eventvfs.PasswordHasher.hash("correct horse".toCharArray());
        vfs.accounts().execute(new AccountCommand.AddUser("alice", hash, List.of(), "main", VfsPath.parse("/alice"),
                false, true), ACTOR).await();
        assertThat(vfs.accounts().find("alice").await().admin()).isTrue();
        vfs.accounts().execute(new AccountCommand.DisableUser("alice"), ACTOR).await();
        assertThatThrownBy(() -> vfs.accounts().authenticate("alice", "correct horse".toCharArray()).await())
                .isInstanceOf(VfsException.PermissionDenied.class).hasMessage("wrong user name or password");
        assertThatThrownBy(() -> vfs.accounts().execute(new AccountCommand.DisableUser("alice"), ACTOR).await())
                .isInstanceOf(VfsException.Conflict.class);
        vfs.accounts().execute(new AccountCommand.EnableUser("alice"), ACTOR).await();
        assertThat(vfs.accounts().authenticate("alice", "correct horse".toCharArray()).await().name())
                .isEqualTo("alice");

        String code = Sha256.of(Sha256.newDigest().digest("the code".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hex();
        vfs.accounts().execute(new AccountCommand.InviteUser("bob", code, Long.MAX_VALUE, "main",
                VfsPath.parse("/team/bob"), false), ACTOR).await();
        Account invited = vfs.accounts().find("bob").await();
        assertThat(invited.state()).isEqualTo(Account.State.INVITED);
        assertThat(invited.canLogIn()).isFalse();
        assertThatThrownBy(() -> vfs.accounts().execute(new AccountCommand.RedeemInvite("bob", "00".repeat(32), hash,
                List.of()), ACTOR).await()).isInstanceOf(VfsException.PermissionDenied.class);
        vfs.accounts().execute(new AccountCommand.RedeemInvite("bob", code, hash, List.of()), ACTOR).await();
        assertThat(vfs.accounts().authenticate("bob", "correct horse".toCharArray()).await().home())
                .isEqualTo(VfsPath.parse("/team/bob"));
        assertThatThrownBy(() -> vfs.accounts().execute(new AccountCommand.RedeemInvite("bob", code, hash,
                List.of()), ACTOR).await()).as("a code works once").isInstanceOf(VfsException.PermissionDenied.class);

        vfs.accounts().execute(new AccountCommand.InviteUser("carol", code, 1, "main", VfsPath.parse("/carol"),
                false), ACTOR).await();
        assertThatThrownBy(() -> vfs.accounts().execute(new AccountCommand.RedeemInvite("carol", code, hash,
                List.of()), ACTOR).await()).as("expired").isInstanceOf(VfsException.PermissionDenied.class);
        reopen();
        assertThat(vfs.accounts().find("bob").await().state()).isEqualTo(Account.State.ACTIVE);
        assertThat(vfs.accounts().find("carol").await().invite().expiresAt()).isEqualTo(1);
        assertThat(vfs.accounts().find("alice").await().admin()).isTrue();
    }

    protected static byte[] randomBytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Uploads {@code data} in chunks of {@code chunk} bytes, as a protocol adapter would. */
    protected static Content upload(Volume volume, byte[] data, int chunk) {
        Upload upload = volume.upload();
        for (int off = 0; off < data.length; off += chunk) {
            upload.write(Buffer.buffer(java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + chunk))))
                    .await();
        }
        return upload.finish().await();
    }

    protected static byte[] read(Volume volume, Content content, long offset, int length) {
        return volume.read(content, offset, length).await().getBytes();
    }
}
