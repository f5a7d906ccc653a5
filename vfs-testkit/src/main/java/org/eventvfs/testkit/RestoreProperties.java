package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eventvfs.UndoPlan;
import org.eventvfs.Upload;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.RestoreTarget;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.ProjectedVolume;

/**
 * Restores and undos round-trip, for any history: restoring a path to a position gives the tree
 * it had then, and undoing everything one user did from a position on gives the tree from before,
 * while the log keeps both the changes and their reversal.
 */
public abstract class RestoreProperties {
    private static final Actor ALICE = new Actor("alice", "test", "local", "a", null);
    private static final Actor MALLORY = new Actor("mallory", "test", "10.0.0.66", "m", null);
    private static final List<VfsPath> RESTORED = List.of(VfsPath.root(), VfsPath.parse("/d0"),
            VfsPath.parse("/d1/d2"), VfsPath.parse("/f3"));

    protected abstract StoreFixture fixture();

    @Provide
    Arbitrary<List<VolumeCommand>> histories() {
        return VolumeCommandArbitraries.sequences(100, 300);
    }

    @Provide
    Arbitrary<List<Double>> points() {
        return Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 15)
    void aRestoredPathEqualsItsPast(@ForAll("histories") List<VolumeCommand> history,
                                    @ForAll("points") List<Double> points) {
        withVolume(volume -> {
            run(volume, history, ALICE);
            for (double point : points) {
                long asOf = Math.round(point * volume.position());
                for (VfsPath path : RESTORED) {
                    long before = volume.position();
                    volume.execute(new VolumeCommand.Restore(List.of(RestoreTarget.tree(path)), asOf, "test"),
                            ALICE).await();
                    TreeView head = projection(volume).head();
                    assertThat(TreeDump.shape(head, path)).as("%s restored to @%d", path, asOf)
                            .isEqualTo(TreeDump.shape(head.past(asOf), path));
                    List<EventEnvelope> repair = volume.events(before + 1, Integer.MAX_VALUE).await();
                    if (head.past(before).lookup(path) != null || head.past(asOf).lookup(path) != null) {
                        assertThat(repair.getFirst().payload()).isInstanceOf(VolumeEvent.TreeRestored.class);
                    }
                }
            }
        });
    }

    @Property(tries = 15)
    void undoingEverythingOneUserDidGivesTheTreeFromBefore(@ForAll("histories") List<VolumeCommand> before,
                                                           @ForAll("histories") List<VolumeCommand> damage) {
        withVolume(volume -> {
            run(volume, before, ALICE);
            long start = volume.position();
            run(volume, damage, MALLORY);
            UndoPlan plan = volume.planUndo("mallory", start + 1).await();
            assertThat(plan.skipped()).as("nobody else changed anything").isEmpty();
            if (plan.restore() != null) {
                volume.execute(plan.restore(), ALICE).await();
            }
            TreeView head = projection(volume).head();
            assertThat(TreeDump.shape(head, VfsPath.root())).isEqualTo(TreeDump.shape(head.past(start),
                    VfsPath.root()));
        });
    }

    private interface VolumeTest {
        void run(Volume volume);
    }

    private void withVolume(VolumeTest test) {
        Path dir = StoreFixture.tempDirectory();
        Vertx vertx = Vertx.vertx();
        try {
            Vfs vfs = StoreFixture.open(vertx, fixture().options(dir));
            try {
                Volume volume = vfs.volume("restore").await();
                test.run(volume);
                assertReplayEqualsProjection(volume);
            } finally {
                vfs.close().await();
            }
        } finally {
            vertx.close().await();
            StoreFixture.delete(dir);
        }
    }

    /** Restores are ordinary events after their TreeRestored: a replay of the log gives the same tree. */
    private static void assertReplayEqualsProjection(Volume volume) {
        org.eventvfs.impl.TreeProjection replay = new org.eventvfs.impl.TreeProjection();
        for (EventEnvelope e : volume.events(1, Integer.MAX_VALUE).await()) {
            replay.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
            replay.markDurable(e.position());
        }
        assertThat(TreeDump.of(replay.head())).isEqualTo(TreeDump.of(projection(volume).head()));
    }

    /**
     * All at once, so the writer groups them; refused commands are part of a random history. The
     * arbitraries' made-up contents are first replaced by stored ones of the same size, since a
     * restore commits old content again only if its blocks are still stored.
     */
    private static void run(Volume volume, List<VolumeCommand> commands, Actor actor) {
        Map<Content, Content> stored = new HashMap<>();
        List<Future<?>> answers = new ArrayList<>();
        for (VolumeCommand command : commands) {
            if (command instanceof VolumeCommand.CommitContent c) {
                command = new VolumeCommand.CommitContent(c.path(), stored.computeIfAbsent(c.content(),
                        made -> store(volume, made)), c.mode(), c.overwrite(), c.modified());
            }
            answers.add(volume.execute(command, actor).otherwiseEmpty());
        }
        Future.all(answers).await();
    }

    /** Content of the same size as {@code made}, with bytes drawn from its hash, stored. */
    private static Content store(Volume volume, Content made) {
        byte[] bytes = new byte[(int) made.size()];
        new Random(made.sha256().hashCode()).nextBytes(bytes);
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(bytes)).await();
        return upload.finish().await();
    }

    private static org.eventvfs.impl.TreeProjection projection(Volume volume) {
        return ((ProjectedVolume) volume).projection();
    }
}
