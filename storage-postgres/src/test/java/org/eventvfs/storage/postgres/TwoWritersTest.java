package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eventvfs.Volume;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.PostgresDatabases;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two servers, each with its own writer, on one volume in one database, one of them in a process
 * of its own: the head guard refuses whichever appends second, that writer reads the other's
 * events and decides its commands again, and the log ends up in one total order with every
 * command exactly once, including one command that both were sent.
 */
@Timeout(120)
class TwoWritersTest extends SharedDatabaseTest {
    private static final String VOLUME = "shared";
    private static final int COMMANDS_EACH = 150;

    @Test
    void everyCommandOfBothWritersIsAppliedOnceInOneGaplessOrder() throws Exception {
        URI events = PostgresDatabases.create();
        Volume a = servers(events).open("a").volume(VOLUME).await();
        UUID both = UUID.randomUUID();
        Process b = startWriterProcess(events, dir.resolve("b"), both);
        BufferedReader bSays = new BufferedReader(new InputStreamReader(b.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lineStartingWith(bSays, "ready")).isEqualTo("ready");

        // Both writers start at head 0, so whichever appends second is refused at least once.
        try (OutputStream go = b.getOutputStream()) {
            go.write('\n');
        }
        List<Future<Committed>> answers = new ArrayList<>();
        Future<Committed> shared = WriterProcess.sendAll(a, "a", COMMANDS_EACH, both, answers);
        Future.all(answers).await();
        String bDone = lineStartingWith(bSays, "done");
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(b.exitValue()).isZero();
        List<EventEnvelope> log = StoreFixture.readAll(servers().newVertx(), servers().options("check"), VOLUME);
        assertThat(log).hasSize(2 * COMMANDS_EACH + 1);
        Set<UUID> commands = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i).position()).isEqualTo(i + 1);
            assertThat(commands.add(log.get(i).commandId())).as("command applied twice").isTrue();
            if (i > 0) {
                assertThat(log.get(i).previousHash()).isEqualTo(log.get(i - 1).hash());
            }
        }
        assertThat(List.of(shared.result().repeated(), bDone.equals("done true")))
                .as("the shared command: applied by one, a repeat for the other").containsExactlyInAnyOrder(true, false);
        Volume fresh = servers().open("c").volume(VOLUME).await();
        assertThat(fresh.list(VfsPath.root()).await()).extracting(Node::name).hasSize(2 * COMMANDS_EACH + 1);
    }

    /** The next line the process printed that starts with {@code prefix}; its log lines are skipped. */
    private static String lineStartingWith(BufferedReader output, String prefix) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the writer process ended without printing " + prefix);
    }

    private static Process startWriterProcess(URI events, Path data, UUID shared) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(),
                events.toString(), data.toString(), VOLUME, "b", Integer.toString(COMMANDS_EACH), shared.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
