package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.eventvfs.migrations.Migrations;
import org.eventvfs.migrations.PostgresUri;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.PostgresDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs verify} and {@code vfs checkpoint} with the event log in PostgreSQL: an edited or deleted row is named. */
@Timeout(120)
class PostgresVerifyTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private URI database;

    @BeforeEach
    void writeHistory() {
        database = PostgresDatabases.create();
        Vertx vertx = Vertx.vertx();
        try {
            Vfs vfs = Vfs.open(vertx, VfsOptions.embedded(dir.resolve("writer")).withEvents(database)).await();
            SmallHistory.write(vfs, "default", 5);
            vfs.close().await();
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void anIntactLogVerifies() {
        Result result = verify("--chain-only");

        assertThat(result.status()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).containsPattern("volume default: 15 events, chain intact, head @15 [0-9a-f]{64}");
    }

    @Test
    void anEditedEventRowIsNamedByItsPosition() {
        PostgresDatabases.execute(database, "UPDATE events SET json = replace(json, '\"name\":\"d3\"', '\"name\":\"dX\"')"
                + " WHERE volume = 'default' AND position = 3");

        Result result = verify("--chain-only");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("volume default: DAMAGED at position 3: hash mismatch");
    }

    @Test
    void aDeletedEventRowIsAGapAtItsPosition() {
        PostgresDatabases.execute(database, "DELETE FROM events WHERE volume = 'default' AND position = 7");

        Result result = verify();

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("volume default: DAMAGED at position 7: gap: position 7 is missing"
                + " (the next stored event is at 8)");
    }

    @Test
    void aCheckpointFailsOnceTheNewestRowsAreGoneAndTheHeadMovedBack() {
        Path checkpoint = dir.resolve("checkpoint.json");
        Result made = cli.run("checkpoint", "--out", checkpoint.toString(), "--events", database.toString(),
                "--data", dir.resolve("data").toString());
        assertThat(made.status()).as(made.err()).isZero();
        PostgresDatabases.execute(database, "DELETE FROM events WHERE volume = 'default' AND position > 10;"
                + " UPDATE stream_heads SET position = 10, hash = (SELECT hash FROM events WHERE volume = 'default'"
                + " AND position = 10) WHERE volume = 'default'");

        Result result = verify("--checkpoint", checkpoint.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("volume default: FAILS the checkpoint (@15): the log was cut off: it ends"
                + " at position 10, before the checkpoint's position 15");
        assertThat(verify("--chain-only").status()).as("the chain alone cannot tell").isZero();
    }

    @Test
    void aDatabaseWithoutTheSchemaIsNotMigratedToBeVerified() {
        database = PostgresDatabases.create();

        Result result = verify("--chain-only");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("holds no eventvfs schema");
        assertThat(Migrations.currentVersion(PostgresUri.parse(database))).isZero();
    }

    private Result verify(String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "verify";
        System.arraycopy(more, 0, args, 1, more.length);
        args[more.length + 1] = "--events";
        args[more.length + 2] = database.toString();
        args[more.length + 3] = "--data";
        args[more.length + 4] = dir.resolve("data").toString();
        return cli.run(args);
    }
}
