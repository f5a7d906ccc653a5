package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;
import static org.eventvfs.testkit.EventChain.eventsOf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.AppendConflict;
import org.eventvfs.spi.ChainReport;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do. A back-end's test extends this and opens its store; it
 * may add tests of its own.
 */
public abstract class EventStoreContractTest {
    protected Vertx vertx;
    private final List<EventStore> opened = new ArrayList<>();

    /**
     * Opens the store under test. Every call within one test must open the same storage, so that a
     * store opened after another was closed sees what the first one stored.
     */
    protected abstract Future<EventStore> openStore(Vertx vertx);

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        for (EventStore store : opened) {
            result(store.close());
        }
        result(vertx.close());
    }

    protected EventStore open() {
        EventStore store = result(openStore(vertx));
        opened.add(store);
        return store;
    }

    protected void close(EventStore store) {
        opened.remove(store);
        result(store.close());
    }

    @Test
    void anEmptyStoreHasNoStreamsAndEmptyHeads() {
        EventStore store = open();

        assertThat(result(store.streams())).isEmpty();
        assertThat(result(store.head("default"))).isEqualTo(StreamHead.EMPTY);
        assertThat(result(store.read("default", 1, 100))).isEmpty();
    }

    @Test
    void appendedEventsReadBackEqual() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        List<EventBatch> batches = List.of(
                chain.batch(new VolumeEvent.DirectoryCreated(2, 1, "Grüße ✓ \"quoted\"", 0755, "alice", 1),
                        new VolumeEvent.FileCreated(3, 2, "a.txt", 0644, "alice", 2)),
                chain.batch(new VolumeEvent.AttributesChanged(3, null, "bob", 5L),
                        new VolumeEvent.PropertiesChanged(3, Map.of("color", "blue"), List.of("old")),
                        new VolumeEvent.NodeMoved(3, 2, "a.txt", 1, "b.txt", 6)));

        result(store.append("default", 0, batches));

        assertThat(result(store.read("default", 1, 100))).isEqualTo(eventsOf(batches));
        assertThat(result(store.head("default"))).isEqualTo(chain.head());
        assertThat(result(store.streams())).containsExactly("default");
    }

    @Test
    void positionsAreGaplessAcrossAppends() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        for (int append = 0; append < 5; append++) {
            result(store.append("default", chain.head().position(), chain.batches(append + 1, 3)));
        }

        List<EventEnvelope> events = result(store.read("default", 1, 1000));

        assertThat(events).extracting(EventEnvelope::position)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 45).boxed().toList());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).previousHash()).isEqualTo(events.get(i - 1).hash());
        }
    }

    @Test
    void aStreamTakesBytesOnceItHoldsEventsAndOthersDoNot() {
        EventStore store = open();
        assertThat(result(store.size("default"))).isZero();
        EventChain chain = new EventChain("default");

        result(store.append("default", 0, chain.batches(4, 3)));

        assertThat(result(store.size("default"))).isPositive();
        assertThat(result(store.size("other"))).isZero();
    }

    @Test
    void anAppendAtTheWrongHeadFailsWithAppendConflictAndChangesNothing() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        List<EventBatch> first = chain.batches(1, 3);
        result(store.append("default", 0, first));
        EventChain stale = new EventChain("default");

        assertThat(failure(store.append("default", 0, stale.batches(1, 2)))).isInstanceOf(AppendConflict.class);
        assertThat(failure(store.append("default", 7, chain.batches(1, 1)))).isInstanceOf(AppendConflict.class);
        assertThat(result(store.head("default")).position()).isEqualTo(3);
        assertThat(result(store.read("default", 1, 100))).isEqualTo(eventsOf(first));
    }

    @Test
    void verifyingAnIntactChainReportsItsHead() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        result(store.append("default", 0, chain.batches(5, 3)));

        ChainReport report = result(store.verifyChain("default"));

        assertThat(report.intact()).isTrue();
        assertThat(report.intactThrough()).isEqualTo(15);
        assertThat(report.intactHash()).isEqualTo(chain.head().hash());
    }

    @Test
    void verifyingFindsAnEventWhoseContentDoesNotMatchItsHash() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        EventBatch batch = chain.batch(4);
        List<EventEnvelope> events = new ArrayList<>(batch.events());
        EventEnvelope honest = events.get(2);
        events.set(2, new EventEnvelope(honest.stream(), honest.position(), honest.eventId(), honest.commandId(),
                honest.type(), honest.schemaVersion(), honest.timestamp(), honest.actor(), honest.previousHash(),
                honest.hash(), new VolumeEvent.DirectoryCreated(99, 1, "forged", 0777, "mallory", 0)));
        result(store.append("default", 0, List.of(new EventBatch(batch.commandId(), events))));

        ChainReport report = result(store.verifyChain("default"));

        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadPosition()).isEqualTo(3);
        assertThat(report.intactThrough()).isEqualTo(2);
        assertThat(report.problem()).contains("hash mismatch");
    }

    @Test
    void appendsThatBreakPositionsOrTheChainAreRefused() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        result(store.append("default", 0, chain.batches(1, 2)));

        EventChain gap = new EventChain("default", new StreamHead(3, chain.head().hash()));
        EventChain unchained = new EventChain("default", new StreamHead(2, EventEnvelope.GENESIS));
        EventChain otherStream = new EventChain("other", chain.head());
        EventBatch good = new EventChain("default", chain.head()).batch(1);
        EventBatch wrongCommand = new EventBatch(UUID.randomUUID(), good.events());

        assertThat(failure(store.append("default", 2, List.of(gap.batch(1))))).hasMessageContaining("position 4");
        assertThat(failure(store.append("default", 2, List.of(unchained.batch(1))))).hasMessageContaining("chain");
        assertThat(failure(store.append("default", 2, List.of(otherStream.batch(1))))).hasMessageContaining("stream other");
        assertThat(failure(store.append("default", 2, List.of(wrongCommand)))).hasMessageContaining("command");
        assertThat(failure(store.append("default", 2, List.of(good, good)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(result(store.head("default"))).isEqualTo(chain.head());
        result(store.append("default", 2, List.of(good)));
    }

    @Test
    void anAppendToAStreamThatDoesNotExistMustExpectHeadZero() {
        EventStore store = open();

        assertThat(failure(store.append("default", 4, new EventChain("default").batches(1, 1))))
                .isInstanceOf(AppendConflict.class);
        assertThat(result(store.streams())).isEmpty();
    }

    @Test
    void readsPageThroughTheStreamFromAnyPosition() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        List<EventBatch> batches = chain.batches(4, 5);
        result(store.append("default", 0, batches));
        List<EventEnvelope> all = eventsOf(batches);

        List<EventEnvelope> paged = new ArrayList<>();
        for (long from = 1; from <= all.size(); from += 3) {
            paged.addAll(result(store.read("default", from, 3)));
        }

        assertThat(paged).isEqualTo(all);
        assertThat(result(store.read("default", 7, 2))).isEqualTo(all.subList(6, 8));
        assertThat(result(store.read("default", 18, 100))).isEqualTo(all.subList(17, 20));
        assertThat(result(store.read("default", 21, 100))).isEmpty();
        assertThat(result(store.read("default", 1000, 100))).isEmpty();
    }

    @Test
    void streamsAreIndependent() {
        EventStore store = open();
        EventChain volume = new EventChain("default");
        EventChain accounts = new EventChain(EventEnvelope.ACCOUNTS);
        List<EventBatch> volumeBatches = volume.batches(2, 2);
        List<EventBatch> accountBatches = List.of(accounts.batch(
                new AccountEvent.UserAdded("alice", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", List.of(),
                        "default", "/home/alice", false)));

        result(store.append("default", 0, volumeBatches));
        result(store.append(EventEnvelope.ACCOUNTS, 0, accountBatches));

        assertThat(result(store.streams())).containsExactlyInAnyOrder("default", EventEnvelope.ACCOUNTS);
        assertThat(result(store.head("default"))).isEqualTo(volume.head());
        assertThat(result(store.head(EventEnvelope.ACCOUNTS))).isEqualTo(accounts.head());
        assertThat(result(store.read("default", 1, 100))).isEqualTo(eventsOf(volumeBatches));
        assertThat(result(store.read(EventEnvelope.ACCOUNTS, 1, 100))).isEqualTo(eventsOf(accountBatches));
        assertThat(result(store.head("other"))).isEqualTo(StreamHead.EMPTY);
    }

    @Test
    void aReopenedStoreSeesEverythingAndAppendsOn() {
        EventStore first = open();
        EventChain chain = new EventChain("default");
        List<EventBatch> before = chain.batches(3, 2);
        result(first.append("default", 0, before));
        close(first);

        EventStore second = open();
        assertThat(result(second.head("default"))).isEqualTo(chain.head());
        assertThat(result(second.read("default", 1, 100))).isEqualTo(eventsOf(before));

        List<EventBatch> after = chain.batches(1, 2);
        result(second.append("default", 6, after));
        assertThat(result(second.read("default", 7, 100))).isEqualTo(eventsOf(after));
    }
}
