package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import org.eventvfs.migrations.PostgresUri;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
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
