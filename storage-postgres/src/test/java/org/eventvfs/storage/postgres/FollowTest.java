package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.eventvfs.StreamStats;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.AppendConflict;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.PostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that share a volume follow each other's appends through LISTEN/NOTIFY and reads by position. */
@Timeout(120)
class FollowTest extends SharedDatabaseTest {
    private static final String VOLUME = "shared";
    private static final Actor ACTOR = new Actor("f", "test", "local", "s", null);


    @Test
    void anotherServerSeesAnAppendWithin100Milliseconds() throws InterruptedException {
        URI events = PostgresDatabases.create();
        Volume writer = servers(events).open("writer").volume(VOLUME).await();
        Vertx followerVertx = servers().newVertx();
        Volume follower = Vfs.open(followerVertx, servers().options("follower")).await().volume(VOLUME).await();
        List<EventEnvelope> published = new CopyOnWriteArrayList<>();
        followerVertx.eventBus().<EventEnvelope>consumer(Vfs.eventsAddress(VOLUME), m -> published.add(m.body()));

        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            VfsPath path = VfsPath.parse("/d-" + i);
            writer.execute(new CreateDirectory(path, 0755), ACTOR).await();
            long answered = System.nanoTime();
            while (!exists(follower, path)) {
                Thread.sleep(1);
                assertThat(System.nanoTime() - answered).as("seen within 5 s").isLessThan(5_000_000_000L);
            }
            delays.add((System.nanoTime() - answered) / 1_000_000);
        }

        delays.sort(null);
        assertThat(delays.get(8)).as("90th percentile of %s ms", delays).isLessThan(100);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (published.size() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(published).as("published on the follower's event bus, in order")
                .extracting(EventEnvelope::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                10L);
        follower.execute(new CreateDirectory(VfsPath.parse("/from-follower"), 0755), ACTOR).await();
        assertThat(follower.position()).isEqualTo(11);
    }

    /**
     * With its notices cut off (the listening connections ended; they are made again after half a
     * second), a follower does not see the writer's appends: its stats show how many positions it is
     * behind the store, until the notices are back and it has caught up.
     */
    @Test
    void aFollowersLagShowsUntilItCatchesUp() throws InterruptedException {
        URI events = PostgresDatabases.create();
        Volume writer = servers(events).open("writer").volume(VOLUME).await();
        Vfs follower = servers().open("follower");
        Volume followed = follower.volume(VOLUME).await();
        writer.execute(new CreateDirectory(VfsPath.parse("/a"), 0755), ACTOR).await();
        while (followed.position() < 1) {
            Thread.sleep(1);
        }

        PostgresDatabases.execute(events, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND query LIKE 'LISTEN%'");
        writer.execute(new CreateDirectory(VfsPath.parse("/b"), 0755), ACTOR).await();
        writer.execute(new CreateDirectory(VfsPath.parse("/c"), 0755), ACTOR).await();

        StreamStats behind = streamOf(follower);
        assertThat(behind.events()).isEqualTo(3);
        assertThat(behind.lag()).isEqualTo(2);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (streamOf(follower).lag() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(streamOf(follower).lag()).isZero();
        assertThat(followed.position()).isEqualTo(3);
    }

    private static StreamStats streamOf(Vfs vfs) {
        return vfs.streamStats().await().stream().filter(s -> s.stream().equals(VOLUME)).findFirst().orElseThrow();
    }

    /**
     * An append whose transaction stays open (a trigger sleeps in it) holds back the next append to
     * its stream, which waits for the head and then finds it moved; appends to other streams commit
     * meanwhile. A reader polling by position sees every event in order and never moves past one
     * that commits late, unlike a reader trusting a sequence, whose values become visible before
     * their transactions commit.
     */
    @Test
    void aReaderNeverSkipsAnEventThatCommitsLate() throws InterruptedException {
        URI database = PostgresDatabases.create();
        EventStore first = servers(database).openStore();
        EventStore second = servers().openStore();
        PostgresDatabases.execute(database, """
                CREATE FUNCTION slow_append() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.json LIKE '%slow-append%' THEN PERFORM pg_sleep(1.5); END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER slow_append BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION slow_append()""");
        EventChain chain = new EventChain(VOLUME);
        first.append(VOLUME, 0, chain.batches(1, 2)).await();
        EventBatch slow = chain.batch(new VolumeEvent.DirectoryCreated(10, 1, "slow-append", 0755, "f", 1));

        ReaderByPosition reader = new ReaderByPosition(first);
        Future<Void> slowAppend = first.append(VOLUME, 2, List.of(slow));
        Thread.sleep(300);
        second.append("other", 0, new EventChain("other").batches(1, 1)).await();
        assertThat(slowAppend.isComplete()).as("another stream's append committed meanwhile").isFalse();
        long sent = System.nanoTime();
        Future<Void> staleAppend = second.append(VOLUME, 2, List.of(new EventChain(VOLUME, headAfter(first, 2))
                .batch(2)));
        while (!staleAppend.isComplete()) {
            reader.poll();
        }
        assertThat(staleAppend.cause()).isInstanceOf(AppendConflict.class);
        assertThat((System.nanoTime() - sent) / 1_000_000).as("the stale append waited for the head").isGreaterThan(800);
        // Its answer comes on a connection of its own, so it may arrive just after the stale one's refusal.
        slowAppend.await();
        second.append(VOLUME, 3, List.of(new EventChain(VOLUME, second.head(VOLUME).await()).batch(2))).await();
        reader.poll();

        assertThat(reader.seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 5).boxed().toList());
    }

    private static StreamHead headAfter(EventStore store, long position) {
        EventEnvelope e = store.read(VOLUME, position, 1).await().getFirst();
        return new StreamHead(e.position(), e.hash());
    }

    /** Reads from the position after the last one it saw, as a follower does. */
    private static final class ReaderByPosition {
        final EventStore store;
        final List<Long> seen = new ArrayList<>();

        ReaderByPosition(EventStore store) {
            this.store = store;
        }

        void poll() {
            store.read(VOLUME, seen.size() + 1, 100).await().forEach(e -> seen.add(e.position()));
        }
    }

    private static boolean exists(Volume volume, VfsPath path) {
        try {
            volume.stat(path).await();
            return true;
        } catch (VfsException.NotFound e) {
            return false;
        }
    }


}
