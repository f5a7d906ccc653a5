package org.eventvfs.spi;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Vfs;

/**
 * What a protocol adapter is started with.
 *
 * @param bind the address to listen on, 127.0.0.1 unless configured
 * @param port the port to listen on
 * @param dataDirectory where the adapter may keep its own files (host keys, certificates)
 * @param settings the adapter's configuration section, as parsed from YAML
 * @param historyFolder the name of the read-only folder of past trees in each home
 *                      ({@link HistoryFolder}), or empty for none
 */
public record AdapterContext(Vertx vertx, Vfs vfs, String bind, int port, Path dataDirectory,
                             Map<String, Object> settings, String historyFolder) {
    public AdapterContext {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        historyFolder = historyFolder == null ? "" : historyFolder;
    }

    /** A context with the default history folder. */
    public AdapterContext(Vertx vertx, Vfs vfs, String bind, int port, Path dataDirectory,
                          Map<String, Object> settings) {
        this(vertx, vfs, bind, port, dataDirectory, settings, HistoryFolder.DEFAULT_NAME);
    }
}
