package org.eventvfs.server;

import java.net.URI;
import java.util.concurrent.Callable;
import org.eventvfs.migrations.Migrations;
import org.eventvfs.migrations.Migrations.SchemaChange;
import org.eventvfs.migrations.PostgresUri;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vfs migrate}: brings the PostgreSQL schema of the configured event store up to date and
 * exits, for operators who migrate before they roll out new servers ({@code vfs run} does the
 * same at start-up). A schema newer than this build is refused.
 */
@Command(name = "migrate", description = "Bring the PostgreSQL schema of the event store up to date, and exit.")
final class MigrateCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    MigrateCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        URI events = options.load(environment).events();
        if (!PostgresUri.SCHEME.equalsIgnoreCase(events.getScheme())) {
            environment.out().println("events " + events + ": not PostgreSQL, no schema to migrate");
            return 0;
        }
        PostgresUri database = PostgresUri.parse(events, environment.variables()::get);
        SchemaChange change;
        try {
            change = Migrations.migrate(database);
        } catch (RuntimeException e) {
            throw new CommandFailure("cannot migrate " + database.display() + ": " + FailureReporter.oneLine(e), e);
        }
        environment.out().println(change.from() == change.to()
                ? database.display() + ": schema at version " + change.to() + ", nothing to do"
                : database.display() + ": schema migrated from version " + change.from() + " to " + change.to());
        return 0;
    }
}
