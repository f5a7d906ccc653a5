package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.migrations.PostgresUri;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.EventStoreContractTest;
import org.eventvfs.testkit.PostgresDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PgEventStoreTest extends EventStoreContractTest {
    private PostgresUri database;

    @BeforeEach
    void createDatabase() {
        database = PostgresUri.parse(PostgresDatabases.create());
    }

    @Override
    protected Future<EventStore> openStore(Vertx vertx) {
        return Storage.openEventStore(URI.create(database.display()), new StorageContext(vertx, null));
    }

    /**
     * The statements and the COMMIT are sent without waiting for each other: a statement that fails
     * after the head has moved must still leave nothing, and every connection of the pool usable.
     */
    @Test
    void anAppendWhoseLaterStatementFailsWritesNothing() {
        PgEventStore store = (PgEventStore) open();
        List<EventBatch> batches = new EventChain("default").batches(3, 2);
        PostgresDatabases.execute(URI.create(database.display()), "INSERT INTO commands VALUES ('default', '%s', 7, 7)"
                .formatted(batches.getLast().commandId()));

        assertThat(failure(store.append("default", 0, batches))).hasMessageContaining("commands_pkey");
        assertThat(result(store.head("default")).position()).isZero();
        assertThat(result(store.read("default", 1, 100))).isEmpty();
        assertThat(result(store.tree().lookup("default", VfsPath.root(), TreeTables.HEAD))).isNull();

        EventChain chain = new EventChain("default");
        for (int i = 0; i < 20; i++) {
            result(store.append("default", i, List.of(chain.batch(1))));
        }
        assertThat(result(store.read("default", 1, 100))).hasSize(20);
    }

    @Test
    void aPasswordInTheUriIsRefused() {
        URI withPassword = URI.create("postgresql://alice:secret@127.0.0.1:5432/vfs");

        assertThat(failure(Storage.openEventStore(withPassword, new StorageContext(vertx, null))))
                .hasMessageContaining("no password").hasMessageContaining(PostgresUri.PASSWORD_VARIABLE);
    }

    @Test
    void anUnreachableServerIsReportedAsUnavailable() {
        URI nowhere = URI.create("postgresql://postgres@127.0.0.1:1/vfs");

        assertThat(failure(Storage.openEventStore(nowhere, new StorageContext(vertx, null))))
                .hasMessageContaining("127.0.0.1:1");
    }
}
