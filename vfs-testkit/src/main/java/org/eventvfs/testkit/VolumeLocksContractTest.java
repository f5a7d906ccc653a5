package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.Lock;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeCommand.Move;
import org.eventvfs.domain.VolumeCommand.Remove;
import org.eventvfs.domain.VolumeCommand.SetAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Write locks are leases every protocol's commands are checked against, whatever the back-end. */
public abstract class VolumeLocksContractTest {
    private static final Actor ALICE = new Actor("alice", "webdav", "127.0.0.1", "w-1", "litmus");
    private static final Actor ALICE_OVER_SFTP = new Actor("alice", "sftp", "127.0.0.1", "s-1", "OpenSSH");
    private static final Actor BOB = new Actor("bob", "webdav", "127.0.0.1", "w-2", "cadaver");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private Vertx vertx;
    private Path dir;
    private Vfs vfs;
    private Volume volume;

    protected abstract StoreFixture fixture();

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        dir = StoreFixture.tempDirectory();
        vfs = StoreFixture.open(vertx, fixture().options(dir).withClock(now::get));
        volume = vfs.volume("main").await();
        run(new CreateDirectory(path("/docs"), 0755), ALICE, Set.of());
        run(new CreateFile(path("/docs/a.txt"), 0644, Overwrite.NEVER), ALICE, Set.of());
    }

    @AfterEach
    void close() {
        vfs.close().await();
        vertx.close().await();
        StoreFixture.delete(dir);
    }

    @Test
    void aLockedFileTakesChangesOnlyFromItsHolderWithTheToken() {
        Lock lock = lock("/docs/a.txt", false, false, "alice");
        VolumeCommand touch = new SetAttributes(path("/docs/a.txt"), null, null, 1L);

        assertLocked(touch, ALICE, Set.of());
        assertLocked(touch, ALICE_OVER_SFTP, Set.of());
        assertLocked(touch, BOB, Set.of(lock.token()));
        run(touch, ALICE, Set.of(lock.token()));
        assertThat(volume.stat(path("/docs/a.txt")).await().modified()).isEqualTo(1L);
    }

    @Test
    void aRefusedCommandChangesNothing() {
        lock("/docs/a.txt", false, false, "alice");
        long before = volume.position();

        assertLocked(new Remove(path("/docs/a.txt"), RemoveMode.NON_DIRECTORY_ONLY), BOB, Set.of());
        assertLocked(new Remove(path("/docs"), RemoveMode.RECURSIVE), BOB, Set.of());

        assertThat(volume.position()).isEqualTo(before);
        assertThat(volume.stat(path("/docs/a.txt")).await().isFile()).isTrue();
    }

    @Test
    void aShallowLockOnADirectoryGuardsItsMembershipButNotItsMembersContent() {
        lock("/docs", false, false, "alice");

        assertLocked(new CreateFile(path("/docs/new.txt"), 0644, Overwrite.NEVER), BOB, Set.of());
        assertLocked(new Move(path("/docs/a.txt"), path("/b.txt"), Overwrite.NEVER), BOB, Set.of());
        run(new SetAttributes(path("/docs/a.txt"), 0600, null, null), BOB, Set.of());
        run(new CreateFile(path("/docs/a.txt"), 0644, Overwrite.REPLACE), BOB, Set.of());
    }

    @Test
    void aDeepLockGuardsEverythingBelow() {
        Lock lock = lock("/docs", false, true, "alice");

        assertLocked(new CreateDirectory(path("/docs/sub"), 0755), BOB, Set.of());
        assertLocked(new SetAttributes(path("/docs/a.txt"), 0600, null, null), BOB, Set.of());
        run(new CreateDirectory(path("/docs/sub"), 0755), ALICE, Set.of(lock.token()));
        run(new CreateFile(path("/elsewhere.txt"), 0644, Overwrite.NEVER), BOB, Set.of());
    }

    @Test
    void removingADirectoryNeedsTheTokensOfLocksBelowIt() {
        Lock inner = lock("/docs/a.txt", false, false, "alice");

        assertLocked(new Remove(path("/docs"), RemoveMode.RECURSIVE), ALICE, Set.of());
        run(new Remove(path("/docs"), RemoveMode.RECURSIVE), ALICE, Set.of(inner.token()));

        assertThat(volume.locks().find(inner.token())).as("a lock does not outlive its node").isNull();
    }

    @Test
    void exclusiveLocksConflictAndSharedOnesCoexist() {
        lock("/docs/a.txt", true, false, "alice");
        lock("/docs/a.txt", true, false, "bob");

        assertThatThrownBy(() -> lock("/docs/a.txt", false, false, "carol"))
                .isInstanceOf(VfsException.Locked.class);
        assertThatThrownBy(() -> lock("/docs", false, true, "carol"))
                .as("a deep lock above a locked node overlaps it")
                .isInstanceOf(VfsException.Locked.class);
        assertThat(volume.locks().covering(path("/docs/a.txt"))).hasSize(2);
    }

    @Test
    void aLockEndsWhenItExpiresUnlessRefreshed() {
        Lock kept = lock("/docs/a.txt", true, false, "alice");
        Lock lapsed = lock("/docs", true, false, "alice");
        now.addAndGet(MINUTE.toMillis() / 2);
        volume.locks().refresh(kept.token(), "alice", MINUTE).await();
        now.addAndGet(MINUTE.toMillis() / 2 + 1);

        assertThat(volume.locks().find(lapsed.token())).isNull();
        assertThat(volume.locks().find(kept.token())).isNotNull();
        run(new CreateFile(path("/docs/b.txt"), 0644, Overwrite.NEVER), BOB, Set.of());
    }

    @Test
    void onlyTheHolderUnlocksOrRefreshes() {
        Lock lock = lock("/docs/a.txt", false, false, "alice");

        assertThatThrownBy(() -> volume.locks().unlock(lock.token(), "bob").await())
                .isInstanceOf(VfsException.NotFound.class);
        assertThatThrownBy(() -> volume.locks().refresh(lock.token(), "bob", MINUTE).await())
                .isInstanceOf(VfsException.NotFound.class);
        volume.locks().unlock(lock.token(), "alice").await();
        run(new SetAttributes(path("/docs/a.txt"), 0600, null, null), BOB, Set.of());
    }

    private Lock lock(String path, boolean shared, boolean deep, String user) {
        return volume.locks().lock(path(path), shared, deep, null, user, MINUTE).await();
    }

    private Committed run(VolumeCommand command, Actor actor, Set<String> tokens) {
        return volume.execute(Ids.newId(), command, actor, tokens).await();
    }

    private void assertLocked(VolumeCommand command, Actor actor, Set<String> tokens) {
        Future<Committed> result = volume.execute(Ids.newId(), command, actor, tokens);
        assertThatThrownBy(result::await).isInstanceOf(VfsException.Locked.class);
    }

    private static VfsPath path(String path) {
        return VfsPath.parse(path);
    }

}
