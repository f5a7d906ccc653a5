package org.eventvfs.server;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The configuration read from {@code VFS_*} environment variables; an empty variable counts as unset. */
final class EnvironmentConfig {
    static final String CONFIG = "VFS_CONFIG";
    static final String DATA = "VFS_DATA";
    static final String EVENTS = "VFS_EVENTS";
    static final String BLOBS = "VFS_BLOBS";
    static final String BIND = "VFS_BIND";
    static final String KEEP_DAYS = "VFS_RETENTION_KEEP_DAYS";
    /** Set but empty turns the history folder off, unlike the others, where empty means unset. */
    static final String HISTORY_FOLDER = "VFS_HISTORY_FOLDER";
    /** Also read by logback.xml, so that it sets the level of every command from their start. */
    static final String LOG_LEVEL = "VFS_LOG_LEVEL";

    private EnvironmentConfig() {
    }

    static ConfigLayer read(Map<String, String> variables) {
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            String port = value(variables, protocol.portVariable());
            if (port != null) {
                ports.put(protocol, ConfigValues.port(protocol.portVariable(), port));
            }
        }
        String data = value(variables, DATA);
        String events = value(variables, EVENTS);
        String blobs = value(variables, BLOBS);
        String bind = value(variables, BIND);
        String keepDays = value(variables, KEEP_DAYS);
        String historyFolder = variables.get(HISTORY_FOLDER);
        String logLevel = value(variables, LOG_LEVEL);
        return new ConfigLayer(
                data == null ? null : ConfigValues.path(DATA, data),
                events == null ? null : ConfigValues.storeUri(EVENTS, events),
                blobs == null ? null : ConfigValues.storeUri(BLOBS, blobs),
                bind == null ? null : ConfigValues.bind(BIND, bind),
                ports, Map.of(), keepDays == null ? null : ConfigValues.keepDays(KEEP_DAYS, keepDays),
                historyFolder == null ? null : ConfigValues.historyFolder(HISTORY_FOLDER, historyFolder),
                logLevel == null ? null : ConfigValues.logLevel(LOG_LEVEL, logLevel));
    }

    /** The configuration file that {@code VFS_CONFIG} names, or null. */
    static Path configFile(Map<String, String> variables) {
        String file = value(variables, CONFIG);
        return file == null ? null : ConfigValues.path(CONFIG, file);
    }

    private static String value(Map<String, String> variables, String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
