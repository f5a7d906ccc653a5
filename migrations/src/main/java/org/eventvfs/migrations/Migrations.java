package org.eventvfs.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema to the version this build knows, with the SQL migrations in
 * {@code db/eventvfs} ({@code V<n>__<what>.sql}, never edited once released). Blocking (JDBC):
 * call it on a worker thread. Flyway takes a lock in the database, so servers starting together
 * migrate once. A database already migrated further than this build knows is refused: an older
 * server must not write to a schema it does not understand.
 */
public final class Migrations {
    static final String LOCATION = "classpath:db/eventvfs";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private Migrations() {
    }

    /** Migrates to the newest version; answers the version before and after. */
    public static SchemaChange migrate(PostgresUri database) {
        return migrate(database, MigrationVersion.LATEST);
    }

    /** Migrates up to {@code target} only: the tests start from every earlier version. */
    public static SchemaChange migrateTo(PostgresUri database, int target) {
        return migrate(database, MigrationVersion.fromVersion(Integer.toString(target)));
    }

    /** The schema version of the database, 0 if it has none; refuses one newer than this build. */
    public static int currentVersion(PostgresUri database) {
        return check(flyway(database, MigrationVersion.LATEST), database);
    }

    private static SchemaChange migrate(PostgresUri database, MigrationVersion target) {
        Flyway flyway = flyway(database, target);
        int before = check(flyway, database);
        MigrateResult result = flyway.migrate();
        int after = result.targetSchemaVersion == null ? before : Integer.parseInt(result.targetSchemaVersion);
        return new SchemaChange(before, after);
    }

    private static int check(Flyway flyway, PostgresUri database) {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        int version = current == null || current.getVersion() == null ? 0 : version(current);
        int known = 0;
        for (MigrationInfo migration : info.all()) {
            if (migration.getState().isResolved() && migration.getVersion() != null) {
                known = Math.max(known, version(migration));
            }
        }
        if (version > known) {
            throw new SchemaTooNew(database, version, known);
        }
        return version;
    }

    private static Flyway flyway(PostgresUri database, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .target(target)
                .load();
    }

    private static int version(MigrationInfo info) {
        return Integer.parseInt(info.getVersion().getVersion());
    }

    /** The schema version before and after a migration; equal when there was nothing to do. */
    public record SchemaChange(int from, int to) {
    }
}
