package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import org.eventvfs.migrations.Migrations;
import org.eventvfs.migrations.PostgresUri;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.EventStoreProvider;
import org.eventvfs.spi.StorageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link PgEventStore}s for {@code postgresql://user@host:port/database} URIs, after
 * bringing the database's schema up to date (on a worker thread: Flyway speaks JDBC). Option
 * {@code pool_size} (default 8) sets how many connections the store keeps.
 */
public final class PgEventStoreProvider implements EventStoreProvider {
    private static final Logger LOG = LoggerFactory.getLogger(PgEventStoreProvider.class);
    private static final int DEFAULT_POOL_SIZE = 8;

    @Override
    public String scheme() {
        return PostgresUri.SCHEME;
    }

    @Override
    public Future<EventStore> open(URI uri, StorageContext context) {
        return open(uri, context, database -> {
            Migrations.SchemaChange change = Migrations.migrate(database);
            if (change.from() != change.to()) {
                LOG.info("migrated {} from schema version {} to {}", database, change.from(), change.to());
            }
        });
    }

    /** Opens the store without migrating its schema: a verifier changes nothing, the schema included. */
    @Override
    public Future<EventStore> openToVerify(URI uri, StorageContext context) {
        return open(uri, context, database -> {
            if (Migrations.currentVersion(database) == 0) {
                throw new IllegalStateException(database.display() + " holds no eventvfs schema, so no events to verify");
            }
        });
    }

    /** What is done with the database, on a worker thread, before the store is handed out. */
    private interface SchemaStep {
        void on(PostgresUri database);
    }

    private static Future<EventStore> open(URI uri, StorageContext context, SchemaStep schema) {
        PostgresUri database;
        int poolSize;
        try {
            database = PostgresUri.parse(uri);
            poolSize = Integer.parseInt(database.options().getOrDefault(PostgresUri.POOL_SIZE,
                    "" + DEFAULT_POOL_SIZE));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        Vertx vertx = context.vertx();
        return vertx.executeBlocking(() -> {
            schema.on(database);
            return null;
        }, false).map(done -> new PgEventStore(database, vertx, pool(vertx, database, poolSize)));
    }

    /** A pool that reconnects on its own: a connection found broken is replaced on the next use. */
    static Pool pool(Vertx vertx, PostgresUri database, int size) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(size))
                .connectingTo(connectOptions(database))
                .using(vertx)
                .build();
    }

    static PgConnectOptions connectOptions(PostgresUri database) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(database.host())
                .setPort(database.port())
                .setDatabase(database.database())
                .setUser(database.user())
                .setCachePreparedStatements(true)
                .setPipeliningLimit(256);
        if (database.password() != null) {
            options.setPassword(database.password());
        }
        return options;
    }
}
