package org.eventvfs.spi;

import io.vertx.core.Future;

/**
 * A protocol served to clients (SFTP, WebDAV, FTP, the HTTP API), found with
 * {@link java.util.ServiceLoader} and started by the server when its port is not 0.
 */
public interface ProtocolAdapter {
    /** The name of the protocol and of its configuration section, e.g. {@code sftp}. */
    String name();

    /** The port used when the configuration names none. */
    int defaultPort();

    /** Starts listening; completes with the address actually bound, or fails before serving anything. */
    Future<String> start(AdapterContext context);

    /** Stops accepting, ends sessions and releases the port. */
    Future<Void> stop();
}
