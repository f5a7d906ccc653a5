package org.eventvfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eventvfs.LiveSessions;
import org.eventvfs.VfsStats;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamWriterTest {
    private static final Actor ACTOR = new Actor("tester", "test", "127.0.0.1", "s-1", "junit");

    private final Vertx vertx = Vertx.vertx();

    StreamWriterTest() {
        vertx.eventBus().registerDefaultCodec(EventEnvelope.class, new LocalOnlyCodec<>(EventEnvelope.class));
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    /** A bug in applying a decided event fails that command; the writer takes the next one. */
    @Test
    void aCommandWhoseEventsCannotBeAppliedFailsAloneAndWritingGoesOn() throws Exception {
        MemoryStore store = new MemoryStore();
        DirectoryModel model = new DirectoryModel();
        StreamWriter<String, VolumeEvent> writer = new StreamWriter<>("main", store, model,
                vertx.getOrCreateContext(), vertx.eventBus(), System::currentTimeMillis, new CommandWindow(16),
                new StreamHead(0, EventEnvelope.GENESIS), new VfsStats(new LiveSessions(System::currentTimeMillis)));

        Future<Committed> broken = writer.submit(UUID.randomUUID(), "boom", ACTOR);
        assertThat(broken.toCompletionStage().toCompletableFuture().handle((c, e) -> e).get(10, TimeUnit.SECONDS))
                .isInstanceOf(VfsException.Unavailable.class);

        Committed next = writer.submit(UUID.randomUUID(), "fine", ACTOR).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(next.lastPosition()).isEqualTo(1);
        assertThat(store.events).extracting(e -> ((VolumeEvent.DirectoryCreated) e.payload()).name())
                .containsExactly("fine");
        assertThat(model.applied).containsExactly("fine");
    }

    /** Makes a directory per command; applying one named "boom" throws, as a bug would. */
    private static final class DirectoryModel implements StreamModel<String, VolumeEvent> {
        final List<String> applied = new ArrayList<>();
        private final List<String> speculative = new ArrayList<>();

        @Override
        public List<VolumeEvent> decide(String name, Actor actor, long now) {
            return List.of(new VolumeEvent.DirectoryCreated(2, 1, name, 0755, actor.user(), now));
        }

        @Override
        public void apply(long position, long time, VolumeEvent event) {
            String name = ((VolumeEvent.DirectoryCreated) event).name();
            if (name.equals("boom")) {
                throw new IllegalStateException("applying " + name + " failed");
            }
            speculative.add(name);
        }

        @Override
        public void markDurable(long position) {
            applied.addAll(speculative);
            speculative.clear();
        }

        @Override
        public void rollback() {
            speculative.clear();
        }
    }

    /** Appends to a list, checking the expected head as a real store does. */
    private static final class MemoryStore implements EventStore {
        final List<EventEnvelope> events = new ArrayList<>();

        @Override
        public synchronized Future<Void> append(String stream, long expectedHead, List<EventBatch> batches) {
            if (expectedHead != events.size()) {
                return Future.failedFuture(new IllegalStateException("head is " + events.size()));
            }
            batches.forEach(batch -> events.addAll(batch.events()));
            return Future.succeededFuture();
        }

        @Override
        public synchronized Future<List<EventEnvelope>> read(String stream, long fromPosition, int maxEvents) {
            int from = (int) Math.min(fromPosition - 1, events.size());
            return Future.succeededFuture(List.copyOf(events.subList(from,
                    (int) Math.min(events.size(), from + (long) maxEvents))));
        }

        @Override
        public synchronized Future<StreamHead> head(String stream) {
            return Future.succeededFuture(events.isEmpty() ? new StreamHead(0, EventEnvelope.GENESIS)
                    : new StreamHead(events.size(), events.getLast().hash()));
        }

        @Override
        public Future<List<String>> streams() {
            return Future.succeededFuture(List.of("main"));
        }

        @Override
        public Future<Long> size(String stream) {
            return Future.succeededFuture(0L);
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }
}
