package org.eventvfs.migrations;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where a PostgreSQL database is: {@code postgresql://user@host:port/database}. The password is
 * never part of the URI, which may come from a command line that {@code ps} shows: it is read
 * from {@code VFS_PG_PASSWORD}, else from the file {@code VFS_PG_PASSWORD_FILE} names (or the
 * URI's {@code password_file} option), else there is none (trust or peer authentication).
 *
 * @param options the URI's query options but the password file, e.g. {@code pool_size=8}
 */
public record PostgresUri(String host, int port, String database, String user, String password,
                          Map<String, String> options) {
    public static final String SCHEME = "postgresql";
    public static final int DEFAULT_PORT = 5432;
    public static final String PASSWORD_VARIABLE = "VFS_PG_PASSWORD";
    public static final String PASSWORD_FILE_VARIABLE = "VFS_PG_PASSWORD_FILE";
    /** How many connections a store keeps. */
    public static final String POOL_SIZE = "pool_size";
    private static final String PASSWORD_FILE_OPTION = "password_file";
    private static final Set<String> OPTIONS = Set.of(POOL_SIZE, PASSWORD_FILE_OPTION);

    public PostgresUri {
        options = Map.copyOf(options);
    }

    /** Parses {@code uri}, taking the password from this process's environment. */
    public static PostgresUri parse(URI uri) {
        return parse(uri, System::getenv);
    }

    /** Parses {@code uri}; {@code environment} answers variables by name, null if unset. */
    public static PostgresUri parse(URI uri, UnaryOperator<String> environment) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("not a postgresql://user@host:port/database URI: " + uri);
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("a PostgreSQL URI carries no password (command lines are visible to"
                    + " every user of the machine): set " + PASSWORD_VARIABLE + " or " + PASSWORD_FILE_VARIABLE);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("a PostgreSQL URI names one database: " + uri);
        }
        Map<String, String> options = options(uri);
        String user = userInfo == null || userInfo.isEmpty() ? "postgres" : userInfo;
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new PostgresUri(uri.getHost(), port, path, user,
                password(environment, options.remove(PASSWORD_FILE_OPTION)), options);
    }

    /** The URI to show: no password, no options. */
    public String display() {
        return SCHEME + "://" + user + "@" + host + ":" + port + "/" + database;
    }

    /** The same server, another database: tests and {@code vfs migrate} reach the maintenance one. */
    public PostgresUri withDatabase(String other) {
        return new PostgresUri(host, port, other, user, password, options);
    }

    /** For Flyway, which speaks JDBC. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }

    private static String password(UnaryOperator<String> environment, String fileOption) {
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password != null) {
            return password;
        }
        String file = fileOption != null ? fileOption : environment.apply(PASSWORD_FILE_VARIABLE);
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the PostgreSQL password file " + file + ": " + e, e);
        }
    }

    private static Map<String, String> options(URI uri) {
        Map<String, String> options = new LinkedHashMap<>();
        String query = uri.getQuery();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String option : query.split("&")) {
            int at = option.indexOf('=');
            String name = at < 0 ? option : option.substring(0, at);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "' in " + uri + "; known: "
                        + OPTIONS);
            }
            options.put(name, at < 0 ? "" : option.substring(at + 1));
        }
        return options;
    }
}
