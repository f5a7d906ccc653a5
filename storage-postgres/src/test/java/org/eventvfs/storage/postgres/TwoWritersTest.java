package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.testkit.PostgresDatabases;
import org.eventvfs.testkit.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two servers, each with its own writer, on one volume in one database: the head guard refuses
 * whichever appends second, that writer reads the other's events and decides its commands again,
 * and the log ends up in one total order with every command exactly once.
 */
@Timeout(120)
class TwoWritersTest extends SharedDatabaseTest {
    private static final String VOLUME = "shared";
    private static final int COMMANDS_EACH = 150;
    private static final Actor ACTOR = new Actor("w", "test", "local", "s", null);


    @Test
    void everyCommandOfBothWritersIsAppliedOnceInOneGaplessOrder() {
        URI events = PostgresDatabases.create();
        Volume a = servers(events).open("a").volume(VOLUME).await();
        Volume b = servers().open("b").volume(VOLUME).await();
        UUID both = UUID.randomUUID();

        List<Future<Committed>> answers = new ArrayList<>();
        answers.add(a.execute(both, new CreateDirectory(VfsPath.parse("/both"), 0755), ACTOR));
        answers.add(b.execute(both, new CreateDirectory(VfsPath.parse("/both"), 0755), ACTOR));
        for (int i = 0; i < COMMANDS_EACH; i++) {
            answers.add(a.execute(new CreateDirectory(VfsPath.parse("/a-" + i), 0755), ACTOR));
            answers.add(b.execute(new CreateDirectory(VfsPath.parse("/b-" + i), 0755), ACTOR));
        }
        Future.all(answers).await();
        // Both writers started at head 0, so whichever appended second was refused at least once.

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
        assertThat(answers.subList(0, 2)).extracting(f -> f.result().repeated()).containsExactlyInAnyOrder(true, false);
        Volume fresh = servers().open("c").volume(VOLUME).await();
        assertThat(fresh.list(VfsPath.root()).await()).extracting(Node::name).hasSize(2 * COMMANDS_EACH + 1);
    }


}
