package org.eventvfs.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The protocols the server can serve, each with its YAML section, flag, variable and default port. */
enum Protocol {
    SFTP(2222),
    WEBDAV(8080),
    FTP(2121),
    /** The HTTP/JSON API is off unless a port is configured. */
    HTTP(0),
    /** Prometheus metrics and health checks, off unless a port is configured. */
    METRICS(0);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** The YAML section and the adapter's {@code name()}, e.g. {@code sftp}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String portVariable() {
        return "VFS_" + name() + "_PORT";
    }

    String portFlag() {
        return "--" + key() + "-port";
    }

    static Optional<Protocol> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }
}
