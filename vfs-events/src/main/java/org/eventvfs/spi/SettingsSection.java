package org.eventvfs.spi;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One section of the server's configuration (an adapter's {@code sftp:}, {@code webdav:}, ...),
 * read so that every mistake is reported with the setting's full name and what it should be.
 */
public final class SettingsSection {
    private final String name;
    private final Map<String, Object> values;

    private SettingsSection(String name, Map<String, Object> values) {
        this.name = name;
        this.values = values;
    }

    /**
     * The section {@code name} holding {@code values}; fails on a key not in {@code known}, listing
     * the known ones ({@code port} among them: the server reads it).
     */
    public static SettingsSection of(String name, Map<String, Object> values, Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(name + "." + key + " is not a setting; known settings: port, "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return new SettingsSection(name, values);
    }

    /** The setting's text, or null when it is not given. */
    public String text(String key) {
        Object value = values.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid(key, "must be text", value);
    }

    /** A whole number of at least {@code least}, given as a number or as text. */
    public long number(String key, long fallback, long least) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (parsed >= least && (value instanceof Integer || value instanceof Long || value instanceof String)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the key's name.
        }
        throw invalid(key, "must be a whole number of at least " + least, value);
    }

    public boolean flag(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw invalid(key, "must be true or false", value);
    }

    /** A failure naming the setting, for checks a caller makes itself. */
    public IllegalArgumentException invalid(String key, String rule, Object value) {
        return new IllegalArgumentException(name + "." + key + " " + rule + ", got '" + value + "'");
    }
}
