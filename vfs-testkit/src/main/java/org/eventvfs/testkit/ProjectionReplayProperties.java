package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.ProjectedVolume;
import org.eventvfs.impl.TreeProjection;

/**
 * The core invariant, for any back-end: whatever commands are sent, concurrently, the projection
 * equals the one rebuilt by replaying the stored log, at the head and as of every position; and
 * the projection loaded again after a restart (from a snapshot) equals it too.
 */
public abstract class ProjectionReplayProperties {
    private static final Actor ACTOR = new Actor("prop", "test", "local", "s", null);

    protected abstract StoreFixture fixture();

    @Provide
    Arbitrary<List<VolumeCommand>> sequences() {
        return VolumeCommandArbitraries.sequences(600, 1000);
    }

    @Property(tries = 20)
    void projectionEqualsReplayAtEveryPosition(@ForAll("sequences") List<VolumeCommand> commands) {
        Path dir = StoreFixture.tempDirectory();
        Vertx vertx = Vertx.vertx();
        try {
            VfsOptions options = fixture().options(dir);
            Vfs vfs = StoreFixture.open(vertx, options);
            TreeProjection live = runConcurrently(vfs, commands);
            vfs.close().await();
            Statistics.label("nodes at the head").collect(bucket(TreeDump.of(live.head()).size()));

            List<EventEnvelope> log = StoreFixture.readAll(vertx, options, "prop");
            Statistics.label("events").collect(bucket(log.size()));
            assertGaplessAndAtomic(log);
            assertEqualAtEveryPosition(live, log);
            assertStoredTreeEqualsReplay(vertx, options, log);

            Vfs reopened = StoreFixture.open(vertx, options);
            TreeProjection loaded = ((ProjectedVolume) reopened.volume("prop").await()).projection();
            assertEqualAtEveryPosition(loaded, log);
            reopened.close().await();
        } finally {
            vertx.close().await();
            StoreFixture.delete(dir);
        }
    }

    /**
     * A back-end that keeps a tree of its own beside the log (PostgreSQL's tables) checks here that
     * it equals the replay of {@code log}, at the head and as of every position.
     */
    protected void assertStoredTreeEqualsReplay(Vertx vertx, VfsOptions options, List<EventEnvelope> log) {
    }

    private static String bucket(int n) {
        return n < 50 ? "< 50" : n < 150 ? "50-149" : n < 300 ? "150-299" : ">= 300";
    }

    /** Sends every command without waiting, so the writer groups them; waits for all answers. */
    private static TreeProjection runConcurrently(Vfs vfs, List<VolumeCommand> commands) {
        Volume volume = vfs.volume("prop").await();
        List<Future<Committed>> answers = new ArrayList<>();
        for (VolumeCommand command : commands) {
            answers.add(volume.execute(command, ACTOR));
        }
        Future.join(answers).otherwiseEmpty().await();
        return ((ProjectedVolume) volume).projection();
    }

    private static void assertGaplessAndAtomic(List<EventEnvelope> log) {
        Set<UUID> finished = new HashSet<>();
        UUID current = null;
        for (int i = 0; i < log.size(); i++) {
            EventEnvelope e = log.get(i);
            assertThat(e.position()).isEqualTo(i + 1);
            if (!e.commandId().equals(current)) {
                assertThat(finished.add(e.commandId())).as("events of one command are contiguous").isTrue();
                current = e.commandId();
            }
        }
    }

    private static void assertEqualAtEveryPosition(TreeProjection projection, List<EventEnvelope> log) {
        TreeProjection replay = new TreeProjection();
        assertThat(TreeDump.of(projection.asOf(0))).isEqualTo(TreeDump.of(replay.head()));
        for (EventEnvelope e : log) {
            replay.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
            replay.markDurable(e.position());
            assertThat(TreeDump.of(projection.asOf(e.position())))
                    .as("as of position %d", e.position())
                    .isEqualTo(TreeDump.of(replay.head()));
        }
        assertThat(projection.durablePosition()).isEqualTo(log.isEmpty() ? 0 : log.getLast().position());
        assertThat(TreeDump.of(projection.head())).isEqualTo(TreeDump.of(replay.head()));
    }
}
