package org.eventvfs.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eventvfs.spi.ProtocolAdapter;

/**
 * What a re-read configuration changes in a running server (on SIGHUP). Every setting is a key
 * such as {@code webdav.banAfter}; a changed key is applied if the server or its adapter can take
 * it while serving (the log level, {@code retention.keepDays}, each adapter's
 * {@link ProtocolAdapter#reloadableSettings()}), and named as needing a restart otherwise. Every
 * part checks its new settings before any is applied, so a configuration that does not check out
 * changes nothing.
 */
final class ConfigReload {
    /**
     * The server's own keys it takes at once: the log level, and {@code retention.keepDays}, which
     * the server keeps no copy of ({@code vfs gc} and {@code vfs verify} read it when they run).
     */
    private static final Set<String> RELOADABLE = Set.of("log.level", "retention.keepDays");

    private final Map<Protocol, ProtocolAdapter> adapters;
    /** Each key's value in force: as started, but for the keys applied since. */
    private final Map<String, Object> inForce;

    ConfigReload(ServerConfig started, Map<Protocol, ProtocolAdapter> adapters) {
        this.adapters = Map.copyOf(adapters);
        this.inForce = keys(started);
    }

    /**
     * Applies what can change of {@code next} and answers one line naming each changed key, applied
     * or waiting for a restart. Throws a {@link ConfigException}, having changed nothing, if an
     * adapter refuses its new section.
     */
    synchronized String apply(ServerConfig next) {
        Map<String, Object> wanted = keys(next);
        Set<String> changed = new TreeSet<>(inForce.keySet());
        changed.addAll(wanted.keySet());
        changed.removeIf(key -> Objects.equals(inForce.get(key), wanted.get(key)));
        List<String> applied = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        changed.forEach(key -> (reloadable(key) ? applied : waiting).add(key));
        List<Runnable> reconfigurations = new ArrayList<>();
        adapters.forEach((protocol, adapter) -> {
            // Checked whenever its section changed, so a bad value is refused now, not at the next start.
            if (changed.stream().anyMatch(key -> key.startsWith(protocol.key() + "."))) {
                reconfigurations.add(checked(adapter, next.settings(protocol)));
            }
        });
        LogLevel.apply(next.logLevel());
        reconfigurations.forEach(Runnable::run);
        applied.forEach(key -> inForce.compute(key, (k, old) -> wanted.get(k)));
        if (changed.isEmpty()) {
            return "configuration re-read: nothing changed";
        }
        return "configuration re-read: applied " + listed(applied) + "; needs a restart: " + listed(waiting);
    }

    private boolean reloadable(String key) {
        if (RELOADABLE.contains(key)) {
            return true;
        }
        int dot = key.indexOf('.');
        ProtocolAdapter adapter = Protocol.byKey(key.substring(0, dot)).map(adapters::get).orElse(null);
        return adapter != null && adapter.reloadableSettings().contains(key.substring(dot + 1));
    }

    /** The adapter's reconfiguration; its refusal names the setting already. */
    private static Runnable checked(ProtocolAdapter adapter, Map<String, Object> section) {
        try {
            return adapter.reconfigure(section);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static String listed(List<String> keys) {
        return keys.isEmpty() ? "none" : String.join(", ", keys);
    }

    /** The configuration as keys and values, with each protocol's port and settings under its name. */
    private static Map<String, Object> keys(ServerConfig config) {
        Map<String, Object> keys = new HashMap<>();
        keys.put("data", config.dataFolder());
        keys.put("events", config.events());
        keys.put("blobs", config.blobs());
        keys.put("bind", config.bind());
        keys.put("log.level", config.logLevel());
        keys.put("retention.keepDays", config.retention());
        keys.put("history.folder", config.historyFolder());
        for (Protocol protocol : Protocol.values()) {
            keys.put(protocol.key() + ".port", config.port(protocol));
            config.settings(protocol).forEach((key, value) -> keys.put(protocol.key() + "." + key, value));
        }
        return keys;
    }
}
