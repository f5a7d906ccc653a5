package org.eventvfs.spi;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;

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

    /**
     * The settings of this adapter's section that {@link #reconfigure} changes while it serves; a
     * change to any other one takes effect at the next start. None unless the adapter says so.
     */
    default Set<String> reloadableSettings() {
        return Set.of();
    }

    /**
     * Checks a new configuration section for this running adapter, when the server re-reads its
     * configuration (SIGHUP), and answers what applies its {@link #reloadableSettings()}: nothing
     * changes until the server runs it, once every part of the new configuration has checked out.
     * Fails with an IllegalArgumentException naming the setting if the section is not valid. By
     * default it checks and applies nothing.
     */
    default Runnable reconfigure(Map<String, Object> settings) {
        return () -> { };
    }
}
