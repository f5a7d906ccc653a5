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
    METRICS(0),
    /**
     * The admin API and the control panel over TLS, off unless a port is configured. Served by the
     * server itself ({@link AdminListener}), not by an adapter: its join page tells new users the
     * other protocols' ports.
     */
    ADMIN(0);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** Whether a {@link org.eventvfs.spi.ProtocolAdapter} found on the class path serves it. */
    boolean servedByAdapter() {
        return this != ADMIN;
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
