package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.eventvfs.server.Cli.Result;
import org.eventvfs.testkit.PostgresDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The commands with the event store, and so the user store, in PostgreSQL. */
@Timeout(120)
class PostgresCommandsTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void migrateBringsTheSchemaUpToDateOnce() {
        String events = PostgresDatabases.create().toString();

        Result first = cli.run("migrate", "--events", events, "--data", dir.toString());
        Result second = cli.run("migrate", "--events", events, "--data", dir.toString());

        assertThat(first.err()).isEmpty();
        assertThat(first.out()).matches(events.replace("/", "\\/") + ": schema migrated from version 0 to \\d+\\n");
        assertThat(second.out()).matches(events.replace("/", "\\/") + ": schema at version \\d+, nothing to do\\n");
    }

    @Test
    void migrateOnAnEmbeddedStoreChangesNothing() {
        Result result = cli.run("migrate", "--data", dir.toString());

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("not PostgreSQL, no schema to migrate");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        URI server = PostgresDatabases.server();
        String withPassword = "postgresql://postgres:secret@" + server.getHost() + ":" + server.getPort() + "/x";

        Result result = cli.run("migrate", "--events", withPassword, "--data", dir.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("vfs: ").contains("carries no password").doesNotContain("secret")
                .hasLineCount(1);
    }

    @Test
    void usersAreKeptInTheDatabase() {
        String events = PostgresDatabases.create().toString();

        Result added = cli.runWithStdin("pw\n", "user", "add", "alice", "--password-stdin", "--events", events,
                "--data", dir.resolve("one").toString());
        Result listed = cli.run("user", "list", "--events", events, "--data", dir.resolve("two").toString());

        assertThat(added.err()).isEmpty();
        assertThat(listed.out().lines()).hasSize(2).last().asString().startsWith("alice");
    }
}
