package org.eventvfs.migrations;

/** The database was migrated by a newer build than this one, whose schema this build must not write to. */
public final class SchemaTooNew extends RuntimeException {
    public SchemaTooNew(PostgresUri database, int version, int known) {
        super("the database " + database.display() + " has schema version " + version
                + ", newer than this vfs knows (" + known + "): run a vfs at least as new as the one that migrated it");
    }
}
