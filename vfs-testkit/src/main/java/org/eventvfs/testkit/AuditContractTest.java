package org.eventvfs.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eventvfs.Volume;
import org.eventvfs.audit.AuditLog;
import org.eventvfs.audit.FileHistory;
import org.eventvfs.audit.LogEntry;
import org.eventvfs.audit.LogPage;
import org.eventvfs.audit.LogQuery;
import org.eventvfs.audit.TreeListing;
import org.eventvfs.domain.VfsPath;
import org.junit.jupiter.api.Test;

/**
 * The audit queries ({@code org.eventvfs.audit}) on a back-end's stores: the log read a page at a
 * time from the store, paths placed by the projection, and the same answers once the volume is
 * reopened from what the stores kept.
 */
public abstract class AuditContractTest extends OpenVfsTest {
    private Volume volume() {
        return vfs.volume("default").await();
    }

    private static List<String> summaries(List<LogEntry> entries) {
        return entries.stream().map(e -> e.position() + " " + e.event() + " " + e.path()
                + (e.toPath() == null ? "" : " -> " + e.toPath()) + " " + e.actor().user() + " " + e.details())
                .toList();
    }

    private List<String> answers(AuditScenario scenario) {
        Volume volume = volume();
        List<String> answers = new ArrayList<>(summaries(AuditLog.read(volume, LogQuery.all()).await().entries()));
        answers.addAll(summaries(FileHistory.of(volume, VfsPath.parse("/alice/copy.txt"), Volume.HEAD).await()
                .revisions()));
        TreeListing then = TreeListing.of(volume, VfsPath.parse("/alice/docs"), scenario.beforeRemoval).await();
        then.children().forEach(child -> answers.add(child.path() + " " + child.sha256() + " " + child.mode()));
        return answers;
    }

    @Test
    void theLogShowsWhoDidWhatWhere() {
        AuditScenario scenario = AuditScenario.write(volume());

        List<String> bob = summaries(AuditLog.read(volume(), LogQuery.all().withUser("bob")).await().entries());
        List<String> moved = summaries(AuditLog.read(volume(),
                LogQuery.all().withPath(VfsPath.parse("/alice/docs/a2.txt"))).await().entries());

        assertThat(bob).hasSize(2).allMatch(line -> line.contains("/bob/b.txt bob"));
        assertThat(moved).hasSize(3);
        assertThat(moved.getFirst()).contains("NodeMoved /alice/a.txt -> /alice/docs/a2.txt alice");
        assertThat(moved.getLast()).startsWith((scenario.beforeRemoval + 1) + " NodeRemoved /alice/docs alice");
    }

    @Test
    void pagesOfTheLogJoinUpToTheWholeLog() {
        AuditScenario scenario = AuditScenario.write(volume());
        List<LogEntry> paged = new ArrayList<>();
        Long next = 0L;
        while (next != null) {
            LogPage page = AuditLog.read(volume(), LogQuery.all().withPositions(next, Volume.HEAD).withLimit(4)).await();
            paged.addAll(page.entries());
            next = page.next();
        }
        assertThat(paged).extracting(LogEntry::position).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, scenario.head).boxed().toList());
    }

    @Test
    void theAnswersAreTheSameAfterTheVolumeIsReopened() {
        AuditScenario scenario = AuditScenario.write(volume());
        List<String> before = answers(scenario);

        vfs.close().await();
        vfs = StoreFixture.open(vertx, options);

        assertThat(answers(scenario)).isEqualTo(before).hasSizeGreaterThan((int) scenario.head);
    }
}
