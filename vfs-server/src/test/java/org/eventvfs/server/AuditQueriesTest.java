package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.Volume;
import org.eventvfs.audit.AuditLog;
import org.eventvfs.audit.AuditParameters;
import org.eventvfs.audit.BadQuery;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogEntry;
import org.eventvfs.audit.LogPage;
import org.eventvfs.audit.LogQuery;
import org.eventvfs.audit.TreeListing;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.AuditScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The audit queries of {@code org.eventvfs.audit} on a volume of the embedded stores. */
@Timeout(60)
class AuditQueriesTest {
    @TempDir
    Path dir;

    private Vertx vertx;
    private Vfs vfs;
    private Volume volume;
    private AuditScenario scenario;

    @BeforeEach
    void write() {
        vertx = Vertx.vertx();
        vfs = Vfs.open(vertx, VfsOptions.embedded(dir)).await();
        volume = vfs.volume("default").await();
        scenario = AuditScenario.write(volume);
    }

    @AfterEach
    void close() {
        vfs.close().await();
        vertx.close().await();
    }

    private List<LogEntry> log(LogQuery query) {
        return AuditLog.read(volume, query.withLimit(LogQuery.MAX_LIMIT)).await().entries();
    }

    private static List<String> summaries(List<LogEntry> entries) {
        return entries.stream().map(e -> e.event() + " " + e.path() + (e.toPath() == null ? "" : " -> " + e.toPath()))
                .toList();
    }

    @Test
    void everyEventIsListedWithItsPathAsOfThen() {
        List<LogEntry> all = log(LogQuery.all());

        assertThat(all).extracting(LogEntry::position).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, scenario.head).boxed().toList());
        assertThat(summaries(all)).containsSubsequence(
                "FileCreated /alice/a.txt", "ContentCommitted /alice/a.txt", "ContentCommitted /alice/a.txt",
                "NodeMoved /alice/a.txt -> /alice/docs/a2.txt", "AttributesChanged /alice/docs/a2.txt",
                "TreeCopied /alice/copy.txt", "NodeRemoved /alice/docs", "UploadAborted /alice/big.bin");
        LogEntry second = all.get((int) scenario.secondWrite - 1);
        assertThat(second.details().size()).isEqualTo(4);
        assertThat(second.details().sha256()).hasSize(64);
        assertThat(second.actor()).isEqualTo(AuditScenario.ALICE);
        LogEntry aborted = all.getLast();
        assertThat(aborted.details().received()).isEqualTo(1234);
        assertThat(aborted.details().reason()).isEqualTo("connection lost");
        assertThat(all.stream().filter(e -> e.event().equals("AttributesChanged")).findFirst().orElseThrow()
                .details().mode()).isEqualTo("0600");
        assertThat(all.stream().filter(e -> e.event().equals("TreeCopied")).findFirst().orElseThrow()
                .details().source()).isEqualTo("/alice/docs/a2.txt");
    }

    @Test
    void filtersByUserProtocolAddressTypeAndPath() {
        assertThat(summaries(log(LogQuery.all().withUser("bob"))))
                .containsExactly("FileCreated /bob/b.txt", "ContentCommitted /bob/b.txt");
        assertThat(log(LogQuery.all().withProtocol("webdav"))).hasSize(2);
        assertThat(log(LogQuery.all().withAddress("10.0.0.9"))).hasSize(2);
        assertThat(log(LogQuery.all().withAddress("10.0.0.9:51000"))).hasSize(2);
        assertThat(log(LogQuery.all().withAddress("10.0.0.1"))).isEmpty();
        assertThat(summaries(log(LogQuery.all().withTypes(Set.of("nodemoved", "NodeRemoved")))))
                .containsExactly("NodeMoved /alice/a.txt -> /alice/docs/a2.txt", "NodeRemoved /alice/docs");
        assertThat(summaries(log(LogQuery.all().withPath(VfsPath.parse("/alice/docs"))))).containsExactly(
                "DirectoryCreated /alice/docs", "NodeMoved /alice/a.txt -> /alice/docs/a2.txt",
                "AttributesChanged /alice/docs/a2.txt", "NodeRemoved /alice/docs");
        assertThat(summaries(log(LogQuery.all().withPath(VfsPath.parse("/alice/docs/a2.txt"))))).as(
                "the removal of its folder too").containsExactly("NodeMoved /alice/a.txt -> /alice/docs/a2.txt",
                "AttributesChanged /alice/docs/a2.txt", "NodeRemoved /alice/docs");
        assertThatThrownBy(() -> LogQuery.all().withTypes(Set.of("Renamed")))
                .isInstanceOf(BadQuery.class).hasMessageContaining("'Renamed' is not an event type");
    }

    @Test
    void timeAndPositionRangesBoundTheLog() {
        long secondTime = volume.timeOf(scenario.secondWrite);
        List<LogEntry> since = log(LogQuery.all().withTimes(secondTime, null));
        assertThat(since).allMatch(e -> java.time.Instant.parse(e.time()).toEpochMilli() >= secondTime);
        assertThat(since.getFirst().position()).isLessThanOrEqualTo(scenario.secondWrite);
        assertThat(log(LogQuery.all().withTimes(null, volume.timeOf(2)))).allMatch(e -> e.position() <= 2
                || volume.timeOf(e.position()) == volume.timeOf(2));
        assertThat(log(LogQuery.all().withPositions(3, 5))).extracting(LogEntry::position).containsExactly(4L, 5L);

        LogQuery byParameters = new AuditParameters(volume, Map.of("since", List.of("@3"), "until", List.of("@5")),
                System.currentTimeMillis()).log();
        assertThat(log(byParameters)).extracting(LogEntry::position).containsExactly(3L, 4L, 5L);
        assertThat(log(new AuditParameters(volume, Map.of("since", List.of("1h")), System.currentTimeMillis()).log()))
                .hasSize((int) scenario.head);
    }

    @Test
    void pagesFollowTheirCursorToTheEnd() {
        List<LogEntry> paged = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            LogPage page = AuditLog.read(volume, LogQuery.all().withUser("alice").withPositions(after, Volume.HEAD)
                    .withLimit(3)).await();
            paged.addAll(page.entries());
            pages++;
            if (page.next() == null) {
                break;
            }
            assertThat(page.entries()).hasSize(3);
            after = page.next();
        }
        assertThat(paged).isEqualTo(log(LogQuery.all().withUser("alice")));
        assertThat(pages).isGreaterThan(2);
    }

    @Test
    void aScanReadsTheLogAPageAtATime() {
        for (int i = 0; i < 1200; i++) {
            AuditScenario.run(volume, new org.eventvfs.domain.VolumeCommand.SetAttributes(
                    VfsPath.parse("/bob/b.txt"), 0600 + (i % 2), null, null), AuditScenario.BOB);
        }
        List<Integer> reads = new ArrayList<>();
        Volume counted = counting(volume, reads);

        LogPage page = AuditLog.read(counted, LogQuery.all().withUser("alice")).await();

        assertThat(page.entries()).hasSize((int) log(LogQuery.all().withUser("alice")).size());
        assertThat(reads).hasSizeGreaterThan(1).allMatch(count -> count <= 1000);
    }

    /** {@code volume}, noting how many events each of its log reads asks for. */
    private static Volume counting(Volume volume, List<Integer> reads) {
        return (Volume) Proxy.newProxyInstance(Volume.class.getClassLoader(), new Class<?>[] {Volume.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("events")) {
                        reads.add((Integer) args[1]);
                    }
                    try {
                        return method.invoke(volume, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void historyFollowsAFileAcrossRenamesToItsRemoval() {
        FileHistory history = FileHistory.of(volume, VfsPath.parse("/alice/docs/a2.txt"), scenario.beforeRemoval)
                .await();

        assertThat(summaries(history.revisions())).containsExactly(
                "FileCreated /alice/a.txt", "ContentCommitted /alice/a.txt", "ContentCommitted /alice/a.txt",
                "NodeMoved /alice/a.txt -> /alice/docs/a2.txt", "AttributesChanged /alice/docs/a2.txt",
                "NodeRemoved /alice/docs");
        assertThat(history.revisions().get(2).details().size()).isEqualTo(4);
        assertThat(history.revisions().get(2).position()).isEqualTo(scenario.secondWrite);
    }

    @Test
    void historyOfACopyStartsWithItsSource() {
        FileHistory history = FileHistory.of(volume, VfsPath.parse("/alice/copy.txt"), Volume.HEAD).await();

        assertThat(summaries(history.revisions())).containsExactly(
                "FileCreated /alice/a.txt", "ContentCommitted /alice/a.txt", "ContentCommitted /alice/a.txt",
                "NodeMoved /alice/a.txt -> /alice/docs/a2.txt", "AttributesChanged /alice/docs/a2.txt",
                "TreeCopied /alice/copy.txt");
    }

    @Test
    void historyContinuesThroughAFileItReplacedByARename() {
        AuditScenario.commit(volume, "/bob/notes.txt", "v1", AuditScenario.BOB);
        AuditScenario.commit(volume, "/bob/.notes.txt.tmp", "v2", AuditScenario.BOB);
        AuditScenario.run(volume, new org.eventvfs.domain.VolumeCommand.Move(VfsPath.parse("/bob/.notes.txt.tmp"),
                VfsPath.parse("/bob/notes.txt"), org.eventvfs.domain.Overwrite.REPLACE), AuditScenario.BOB);

        FileHistory history = FileHistory.of(volume, VfsPath.parse("/bob/notes.txt"), Volume.HEAD).await();

        assertThat(summaries(history.revisions())).containsExactly(
                "FileCreated /bob/notes.txt", "ContentCommitted /bob/notes.txt",
                "FileCreated /bob/.notes.txt.tmp", "ContentCommitted /bob/.notes.txt.tmp",
                "NodeRemoved /bob/notes.txt", "NodeMoved /bob/.notes.txt.tmp -> /bob/notes.txt");
    }

    @Test
    void historyReadsTheLogBackwardAPageAtATime() {
        for (int i = 0; i < 1500; i++) {
            AuditScenario.run(volume, new org.eventvfs.domain.VolumeCommand.SetAttributes(
                    VfsPath.parse("/bob/b.txt"), 0600 + (i % 2), null, null), AuditScenario.BOB);
        }
        List<Integer> reads = new ArrayList<>();

        FileHistory history = FileHistory.of(counting(volume, reads), VfsPath.parse("/alice/copy.txt"), Volume.HEAD)
                .await();

        assertThat(history.revisions()).hasSize(6);
        assertThat(reads).hasSizeGreaterThan(2).allMatch(count -> count <= 1000);
    }

    @Test
    void aTreeAtAPastPositionIsTheProjectionThen() {
        TreeListing then = TreeListing.of(volume, VfsPath.parse("/alice/docs"), scenario.beforeRemoval).await();

        assertThat(then.children()).extracting(TreeListing.Entry::name).containsExactlyElementsOf(
                volume.list(VfsPath.parse("/alice/docs"), scenario.beforeRemoval).await().stream()
                        .map(node -> node.name()).toList());
        assertThat(then.children()).extracting(TreeListing.Entry::path).containsExactly("/alice/docs/a2.txt");
        assertThat(then.children().getFirst().mode()).isEqualTo("0600");
        assertThatThrownBy(() -> TreeListing.of(volume, VfsPath.parse("/alice/docs"), Volume.HEAD).await())
                .hasMessageContaining("no such");
    }

    @Test
    void pathOfNamesANodeWhereverItWasThen() {
        EventEnvelope created = volume.events(scenario.firstWrite - 1, 1).await().getFirst();
        long id = ((org.eventvfs.domain.VolumeEvent) created.payload()).nodeId();

        assertThat(volume.pathOf(id, scenario.secondWrite)).isEqualTo(VfsPath.parse("/alice/a.txt"));
        assertThat(volume.pathOf(id, scenario.beforeRemoval)).isEqualTo(VfsPath.parse("/alice/docs/a2.txt"));
        assertThat(volume.pathOf(id, Volume.HEAD)).isNull();
        assertThat(volume.pathOf(1, Volume.HEAD)).isEqualTo(VfsPath.root());
    }
}
