package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.ProjectedVolume;
import org.eventvfs.impl.TreeProjection;
import org.eventvfs.testkit.PostgresDatabases;
import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.TreeDump;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarted under load (a server of the test's own, never the shared one): commands in
 * flight fail with {@code Unavailable} and their clients retry them by command id; the server
 * reconnects without a restart of its own; no acknowledged command is lost and none is applied
 * twice or in part.
 */
@Timeout(180)
class RestartTest extends SharedDatabaseTest {
    private static final String VOLUME = "load";
    private static final int CLIENTS = 16;
    private static final int COMMANDS_EACH = 40;
    private static final Actor ACTOR = new Actor("load", "test", "local", "s", null);

    @TempDir
    Path pgData;

    private EmbeddedPostgres postgres;

    @AfterEach
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRestartUnderLoadLosesNoAcknowledgedCommandAndHalfAppliesNone() throws Exception {
        postgres = start(0);
        int port = postgres.getPort();
        URI server = URI.create("postgresql://postgres@127.0.0.1:" + port + "/postgres");
        PostgresDatabases.execute(server, "CREATE DATABASE restarted");
        URI events = PostgresDatabases.withDatabase(server, "restarted");
        Vfs vfs = servers(events).open("server");
        Volume volume = vfs.volume(VOLUME).await();

        Map<UUID, Committed> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(Thread.ofVirtual().start(() -> load(volume, client, acknowledged, failures, restarted)));
        }
        while (acknowledged.size() < CLIENTS * COMMANDS_EACH / 4) {
            Thread.sleep(5);
        }
        try {
            postgres.close();
            postgres = start(port);
        } finally {
            restarted.set(true);
        }
        for (Thread client : clients) {
            client.join();
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(CLIENTS * COMMANDS_EACH);
        assertThat(failures.get()).as("commands that failed during the restart and were retried").isPositive();
        List<EventEnvelope> log = StoreFixture.readAll(servers().newVertx(), servers().options("check"), VOLUME);
        assertWholeCommandsOnce(log, acknowledged);
        assertThat(TreeDump.of(((ProjectedVolume) volume).projection().head()))
                .isEqualTo(TreeDump.of(replayed(log).head()));
    }

    /**
     * Each client writes files one after another, retrying a failed one with the same command id,
     * and goes on past its share until the restart is over, so that the restart always meets commands.
     */
    private static void load(Volume volume, int client, Map<UUID, Committed> acknowledged, AtomicInteger failures,
                             AtomicBoolean restarted) {
        for (int i = 0; i < COMMANDS_EACH || !restarted.get(); i++) {
            UUID id = UUID.randomUUID();
            VolumeCommand command = new VolumeCommand.CommitContent(VfsPath.parse("/c" + client + "-" + i),
                    Content.EMPTY, 0644, Overwrite.NEVER, 1_000L + i);
            while (!acknowledged.containsKey(id)) {
                try {
                    acknowledged.put(id, volume.execute(id, command, ACTOR).await());
                } catch (VfsException.Unavailable e) {
                    failures.incrementAndGet();
                    sleep(50);
                }
            }
        }
    }

    /** Gapless, chained, every acknowledged command's events once and together, nothing else. */
    private static void assertWholeCommandsOnce(List<EventEnvelope> log, Map<UUID, Committed> acknowledged) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < log.size(); i++) {
            EventEnvelope e = log.get(i);
            assertThat(e.position()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(e.previousHash()).isEqualTo(log.get(i - 1).hash());
            }
            boolean firstOfCommand = i == 0 || !log.get(i - 1).commandId().equals(e.commandId());
            if (firstOfCommand) {
                assertThat(seen.add(e.commandId())).as("command %s applied twice", e.commandId()).isTrue();
                Committed answer = acknowledged.get(e.commandId());
                assertThat(answer).as("an unacknowledged command in the log").isNotNull();
                assertThat(e.position()).isEqualTo(answer.firstPosition());
                assertThat(log.get((int) answer.lastPosition() - 1).commandId()).isEqualTo(e.commandId());
            }
        }
        assertThat(seen).isEqualTo(acknowledged.keySet());
    }

    private static TreeProjection replayed(List<EventEnvelope> log) {
        TreeProjection replay = new TreeProjection();
        for (EventEnvelope e : log) {
            replay.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
        }
        replay.markDurable(log.isEmpty() ? 0 : log.getLast().position());
        return replay;
    }

    private EmbeddedPostgres start(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(false);
        return port == 0 ? builder.start() : builder.setPort(port).start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
