package org.eventvfs.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eventvfs.migrations.PostgresUri;

/**
 * The PostgreSQL the tests use: the server {@code EVENTVFS_TEST_PG_URL} names (CI sets it), else
 * an embedded one started once for this JVM. Each test gets a database of its own, created here
 * and dropped when the JVM ends.
 */
final class TestDatabases {
    static final String SERVER_VARIABLE = "EVENTVFS_TEST_PG_URL";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static PostgresUri server;

    private TestDatabases() {
    }

    /** The maintenance database of the test server. */
    static synchronized PostgresUri server() {
        if (server == null) {
            String url = System.getenv(SERVER_VARIABLE);
            server = url != null && !url.isBlank() ? PostgresUri.parse(URI.create(url), Set.of()) : embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop test databases"));
        }
        return server;
    }

    /** A new, empty database. */
    static PostgresUri create() {
        String name = "eventvfs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server(), "CREATE DATABASE " + name);
        CREATED.add(name);
        return server().withDatabase(name);
    }

    /** A new, empty database as the URI a configuration names it by. */
    static URI createUri() {
        return URI.create(create().display());
    }

    static void execute(PostgresUri database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(PostgresUri database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void dropAll() {
        for (String name : CREATED) {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                System.err.println("cannot drop test database " + name + ": " + e.getMessage());
            }
        }
        EmbeddedServer.stop();
    }

    private static PostgresUri embedded() {
        return EmbeddedServer.start();
    }

    /** The embedded server, when no server is named. */
    private static final class EmbeddedServer {
        private static EmbeddedPostgres running;

        static PostgresUri start() {
            try {
                running = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start an embedded PostgreSQL: " + e.getMessage(), e);
            }
            return new PostgresUri("127.0.0.1", running.getPort(), "postgres", "postgres", null, java.util.Map.of());
        }

        static void stop() {
            if (running != null) {
                try {
                    running.close();
                } catch (IOException e) {
                    System.err.println("cannot stop the embedded PostgreSQL: " + e.getMessage());
                }
            }
        }
    }
}
