package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Vertx;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.migrations.Migrations;
import org.eventvfs.migrations.Migrations.SchemaChange;
import org.eventvfs.migrations.PostgresUri;
import org.eventvfs.migrations.SchemaTooNew;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.PostgresDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        result(vertx.close());
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheNewestVersionOnce() {
        PostgresUri database = newDatabase();

        SchemaChange first = Migrations.migrate(database);
        SchemaChange again = Migrations.migrate(database);

        assertThat(first.from()).isZero();
        assertThat(first.to()).isGreaterThanOrEqualTo(2);
        assertThat(again).isEqualTo(new SchemaChange(first.to(), first.to()));
        assertThat(Migrations.currentVersion(database)).isEqualTo(first.to());
        assertStoreWorks(database);
    }

    @Test
    void everyEarlierVersionIsMigratedToTheNewest() {
        int newest = Migrations.migrate(newDatabase()).to();
        for (int version = 1; version < newest; version++) {
            PostgresUri database = newDatabase();
            assertThat(Migrations.migrateTo(database, version).to()).isEqualTo(version);

            assertThat(Migrations.migrate(database)).isEqualTo(new SchemaChange(version, newest));
            assertStoreWorks(database);
        }
    }

    /** Version 3 computes the payload on demand: queries read {@code e.payload} as they did the column. */
    @Test
    void eventsWrittenBeforeVersion3KeepTheirPayloadForQueries() throws SQLException {
        PostgresUri database = newDatabase();
        Migrations.migrateTo(database, 2);
        String json = """
                {"stream":"default","position":1,"payload":{"nodeId":7,"name":"report.pdf"}}""";
        PostgresDatabases.execute(uri(database), """
                INSERT INTO events (volume, position, event_id, command_id, type, schema_version, time, actor_user,
                                    actor_protocol, actor_address, previous_hash, hash, json)
                VALUES ('default', 1, gen_random_uuid(), gen_random_uuid(), 'NodeRemoved', 1, now(), 'alice',
                        'sftp', '192.0.2.7', '\\x00', '\\x01', '%s')""".formatted(json));
        String query = "SELECT e.payload ->> 'name' FROM events e WHERE (e.payload ->> 'nodeId')::bigint = 7";
        assertThat(singleValue(database, query)).isEqualTo("report.pdf");

        assertThat(Migrations.migrate(database).from()).isEqualTo(2);

        assertThat(singleValue(database, query)).isEqualTo("report.pdf");
        assertThat(singleValue(database, "SELECT json FROM events")).isEqualTo(json);
    }

    private static String singleValue(PostgresUri database, String query) throws SQLException {
        try (Connection c = PostgresDatabases.connect(uri(database)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedWithAClearError() {
        PostgresUri database = newDatabase();
        int newest = Migrations.migrate(database).to();
        PostgresDatabases.execute(uri(database), """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                VALUES (%d, '%d', 'from a newer vfs', 'SQL', 'V%d__from_a_newer_vfs.sql', 0, 'test', 0, true)"""
                .formatted(newest + 1, newest + 1, newest + 1));

        assertThatThrownBy(() -> Migrations.migrate(database)).isInstanceOf(SchemaTooNew.class)
                .hasMessageContaining("schema version " + (newest + 1))
                .hasMessageContaining("newer than this vfs knows (" + newest + ")");
        assertThat(failure(Storage.openEventStore(uri(database), new StorageContext(vertx, null))))
                .isInstanceOf(SchemaTooNew.class);
    }

    /** The store opens on the migrated database, appends, and its tree tables answer. */
    private void assertStoreWorks(PostgresUri database) {
        PgEventStore store = (PgEventStore) result(Storage.openEventStore(uri(database),
                new StorageContext(vertx, null)));
        try {
            EventChain chain = new EventChain("default");
            result(store.append("default", 0, chain.batches(2, 2)));
            assertThat(result(store.read("default", 1, 10))).hasSize(4);
            Node root = result(store.tree().lookup("default", VfsPath.root(), TreeTables.HEAD));
            assertThat(result(store.tree().children("default", root.id(), TreeTables.HEAD))).hasSize(4);
        } finally {
            result(store.close());
        }
    }

    private static PostgresUri newDatabase() {
        return PostgresUri.parse(PostgresDatabases.create());
    }

    private static URI uri(PostgresUri database) {
        return URI.create(database.display());
    }
}
