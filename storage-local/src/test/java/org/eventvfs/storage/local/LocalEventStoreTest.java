package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;
import static org.eventvfs.testkit.EventChain.eventsOf;

import ch.qos.logback.classic.Level;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.EventStoreContractTest;
import org.eventvfs.testkit.LogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEventStoreTest extends EventStoreContractTest {
    @TempDir
    Path data;

    @Override
    protected Future<EventStore> openStore(Vertx vertx) {
        return Storage.openEventStore(URI.create("file:events"), new StorageContext(vertx, data));
    }

    private LocalEventStore openLocal() {
        return (LocalEventStore) open();
    }

    @Test
    void eachStreamIsOneLogFileWithASafeName() {
        EventStore store = open();
        result(store.append("default", 0, new EventChain("default").batches(1, 1)));
        result(store.append(EventEnvelope.ACCOUNTS, 0, new EventChain(EventEnvelope.ACCOUNTS).batches(1, 1)));
        result(store.append("Team Files", 0, new EventChain("Team Files").batches(1, 1)));

        assertThat(data.resolve("events")).isDirectoryContaining("glob:**/default.log")
                .isDirectoryContaining("glob:**/%40accounts.log")
                .isDirectoryContaining("glob:**/%54eam%20%46iles.log");
        close(store);
        assertThat(result(open().streams())).containsExactly("@accounts", "Team Files", "default");
    }

    @Test
    void aStreamsSizeIsItsFramesAndTheLogFileIsThatOnceClosed() throws Exception {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        Path log = data.resolve("events").resolve("default.log");
        result(store.append("default", 0, chain.batches(2, 2)));
        long first = result(store.size("default"));
        assertThat(first).isPositive();
        assertThat(Files.size(log)).as("frames, then the runway of zeros").isEqualTo(first + StreamLog.RUNWAY);

        result(store.append("default", chain.head().position(), chain.batches(2, 2)));
        long second = result(store.size("default"));
        assertThat(second).isGreaterThan(first);
        assertThat(Files.size(log)).as("written into the runway, which did not move")
                .isEqualTo(first + StreamLog.RUNWAY);

        close(store);
        assertThat(Files.size(log)).isEqualTo(second);
    }

    /** A crash leaves the runway behind: the next start cuts it off, says so in one INFO line and keeps every event. */
    @Test
    void aRunwayLeftByACrashIsDroppedWithoutAWarning() throws Exception {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        result(store.append("default", 0, chain.batches(3, 2)));
        Path crashed = Files.createDirectories(data.resolve("crashed").resolve("events"));
        Files.copy(data.resolve("events").resolve("default.log"), crashed.resolve("default.log"));
        close(store);

        try (LogRecorder log = new LogRecorder(LogRecovery.class, Level.INFO)) {
            EventStore reopened = result(Storage.openEventStore(URI.create("file:events"),
                    new StorageContext(vertx, data.resolve("crashed"))));
            assertThat(result(reopened.head("default"))).isEqualTo(chain.head());
            assertThat(Files.size(crashed.resolve("default.log"))).isEqualTo(result(reopened.size("default")));
            assertThat(result(reopened.verifyChain("default"))).satisfies(report -> {
                assertThat(report.intact()).isTrue();
                assertThat(report.note()).isNull();
            });
            close(reopened);
            assertThat(log.messages()).singleElement().asString()
                    .startsWith("INFO ").contains("stream default", "zero bytes after it");
        }
    }

    @Test
    void streamNamesThatCouldEscapeTheFolderAreRefused() {
        EventStore store = open();
        for (String name : List.of("../etc", "a/b", "nul\0", "..", "")) {
            assertThat(failure(store.append(name, 0, new EventChain(name).batches(1, 1))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(failure(store.head(name))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(data.resolve("events")).isDirectoryNotContaining("glob:**/*.log");
    }

    @Test
    void appendsIssuedWithoutWaitingApplyInCallOrder() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        List<Future<Void>> appends = new ArrayList<>();
        List<EventBatch> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long head = chain.head().position();
            List<EventBatch> batches = chain.batches(2, 2);
            all.addAll(batches);
            appends.add(store.append("default", head, batches));
        }

        result(Future.all(appends));

        assertThat(result(store.read("default", 1, 1000))).isEqualTo(eventsOf(all));
    }

    @Test
    void readsDuringAppendsSeeWholeAppendsOnly() {
        EventStore store = open();
        EventChain chain = new EventChain("default");
        List<List<EventBatch>> calls = new ArrayList<>();
        List<Future<Void>> appends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long head = chain.head().position();
            calls.add(chain.batches(3, 2));
            appends.add(store.append("default", head, calls.getLast()));
        }
        List<EventEnvelope> all = eventsOf(calls.stream().flatMap(List::stream).toList());

        while (!Future.all(appends).isComplete()) {
            List<EventEnvelope> seen = result(store.read("default", 1, 1000));
            assertThat(seen.size() % 6).isZero();
            assertThat(seen).isEqualTo(all.subList(0, seen.size()));
        }
        assertThat(result(store.read("default", 1, 1000))).isEqualTo(all);
    }

    @Test
    void aLongStreamReadsFromAnyPositionThroughTheSparseIndex() {
        LocalEventStore store = openLocal();
        EventChain chain = new EventChain("default");
        List<EventBatch> batches = chain.batches(600, 3);
        for (int i = 0; i < batches.size(); i += 100) {
            result(store.append("default", 3L * i, batches.subList(i, i + 100)));
        }
        List<EventEnvelope> all = eventsOf(batches);
        close(store);
        EventStore reopened = open();

        for (int from : new int[] {1, 2, 3, 4, 700, 901, 1500, 1798, 1800}) {
            assertThat(result(reopened.read("default", from, 5)))
                    .isEqualTo(all.subList(from - 1, Math.min(from + 4, all.size())));
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() {
        open();

        assertThat(failure(openStore(vertx))).hasMessageContaining("already open");
    }

    @Test
    void theUriSelectsFolderAndDurability() {
        Path absolute = data.resolve("elsewhere");
        EventStore store = result(Storage.openEventStore(URI.create(absolute.toUri() + "?fsync=false"),
                new StorageContext(vertx, data)));
        result(store.append("default", 0, new EventChain("default").batches(1, 1)));
        result(store.close());

        assertThat(Files.exists(absolute.resolve("default.log"))).isTrue();
        assertThat(failure(Storage.openEventStore(URI.create("file:events?fsync=maybe"), new StorageContext(vertx, data))))
                .hasMessageContaining("true or false");
        assertThat(failure(Storage.openEventStore(URI.create("file:events?compress=true"), new StorageContext(vertx, data))))
                .hasMessageContaining("unknown option 'compress'");
    }

    @Test
    void aClosedStoreRefusesWork() {
        EventStore store = open();
        close(store);

        assertThat(failure(store.read("default", 1, 1))).hasMessageContaining("closed");
        assertThat(failure(store.append("default", 0, new EventChain("default").batches(1, 1))))
                .hasMessageContaining("closed");
    }
}
