package org.eventvfs.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.eventvfs.Retention;

/**
 * What one source of configuration (the YAML file, the environment, the flags) says, already
 * checked; null or absent where it says nothing, so that a lower source shows through.
 *
 * @param settings each protocol's YAML section without its {@code port}, for the adapter
 * @param retention the retention policy ({@code retention.keepDays}), or null
 * @param historyFolder the history folder's name ({@code history.folder}; empty for none), or null
 * @param logLevel the level of {@code vfs run}'s log ({@code log.level}), or null
 */
record ConfigLayer(Path data, URI events, URI blobs, String bind, Map<Protocol, Integer> ports,
                   Map<Protocol, Map<String, Object>> settings, Retention retention, String historyFolder,
                   String logLevel) {
    static final ConfigLayer EMPTY = new ConfigLayer(null, null, null, null, Map.of(), Map.of());

    ConfigLayer {
        ports = Map.copyOf(ports);
        settings = Map.copyOf(settings);
    }

    /** A layer that says nothing about retention, the history folder or the log level. */
    ConfigLayer(Path data, URI events, URI blobs, String bind, Map<Protocol, Integer> ports,
                Map<Protocol, Map<String, Object>> settings) {
        this(data, events, blobs, bind, ports, settings, null, null, null);
    }

    /** This layer where it says something, {@code lower} elsewhere. */
    ConfigLayer over(ConfigLayer lower) {
        return new ConfigLayer(
                data != null ? data : lower.data,
                events != null ? events : lower.events,
                blobs != null ? blobs : lower.blobs,
                bind != null ? bind : lower.bind,
                merged(lower.ports, ports),
                merged(lower.settings, settings),
                retention != null ? retention : lower.retention,
                historyFolder != null ? historyFolder : lower.historyFolder,
                logLevel != null ? logLevel : lower.logLevel);
    }

    private static <V> Map<Protocol, V> merged(Map<Protocol, V> lower, Map<Protocol, V> upper) {
        Map<Protocol, V> result = new EnumMap<>(Protocol.class);
        result.putAll(lower);
        result.putAll(upper);
        return result;
    }
}
