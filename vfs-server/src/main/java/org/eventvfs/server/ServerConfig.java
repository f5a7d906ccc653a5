package org.eventvfs.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Retention;
import org.eventvfs.VfsOptions;

/**
 * The configuration in force: the YAML file, overridden by {@code VFS_*} variables, overridden by
 * flags, with defaults for what none of them says.
 *
 * @param data the data folder as given, relative to the working directory unless absolute
 * @param ports each protocol's port; 0 turns that listener off
 * @param settings each protocol's YAML section, without {@code port}
 * @param retention how long superseded revisions keep their content, for {@code vfs gc} and {@code vfs verify}
 * @param historyFolder the name of every home's read-only folder of past trees; empty for none
 * @param logLevel the level {@code vfs run} logs at; the other commands log at WARN unless
 *     {@code VFS_LOG_LEVEL} says otherwise (logback.xml)
 */
record ServerConfig(Path data, URI events, URI blobs, String bind, Map<Protocol, Integer> ports,
                    Map<Protocol, Map<String, Object>> settings, Retention retention, String historyFolder,
                    String logLevel) {
    static final Path DEFAULT_DATA = Path.of("./vfs-data");
    static final String DEFAULT_LOG_LEVEL = "INFO";
    static final String DEFAULT_BIND = "127.0.0.1";
    static final Path DEFAULT_CONFIG_FILE = Path.of("vfs.yaml");

    ServerConfig {
        ports = Map.copyOf(ports);
        settings = Map.copyOf(settings);
    }

    /**
     * Reads the configuration file ({@code configFlag}, else {@code VFS_CONFIG}, else
     * {@code ./vfs.yaml} if there is one) and lays the environment and the flags over it.
     */
    static ServerConfig load(Path configFlag, Map<String, String> environment, ConfigLayer flags) {
        Path file = configFlag != null ? configFlag : EnvironmentConfig.configFile(environment);
        if (file == null && Files.isRegularFile(DEFAULT_CONFIG_FILE)) {
            file = DEFAULT_CONFIG_FILE;
        }
        ConfigLayer yaml = file == null ? ConfigLayer.EMPTY : YamlConfig.read(file);
        return withDefaults(flags.over(EnvironmentConfig.read(environment)).over(yaml));
    }

    static ServerConfig withDefaults(ConfigLayer layer) {
        Path data = layer.data() != null ? layer.data() : DEFAULT_DATA;
        Path absolute = data.toAbsolutePath().normalize();
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            ports.put(protocol, layer.ports().getOrDefault(protocol, protocol.defaultPort()));
        }
        return new ServerConfig(data,
                layer.events() != null ? layer.events() : fileUri(absolute.resolve("events")),
                layer.blobs() != null ? layer.blobs() : fileUri(absolute.resolve("blobs")),
                layer.bind() != null ? layer.bind() : DEFAULT_BIND,
                ports, layer.settings(), layer.retention() != null ? layer.retention() : Retention.KEEP_ALL,
                layer.historyFolder() != null ? layer.historyFolder() : HistoryFolder.DEFAULT_NAME,
                layer.logLevel() != null ? layer.logLevel() : DEFAULT_LOG_LEVEL);
    }

    /** The data folder, absolute, for everything but display. */
    Path dataFolder() {
        return data.toAbsolutePath().normalize();
    }

    /** The admin socket, absolute. */
    Path adminSocket() {
        return dataFolder().resolve(AdminServer.SOCKET_FILE);
    }

    int port(Protocol protocol) {
        return ports.get(protocol);
    }

    Map<String, Object> settings(Protocol protocol) {
        return settings.getOrDefault(protocol, Map.of());
    }

    VfsOptions vfsOptions() {
        return VfsOptions.embedded(dataFolder()).withEvents(events).withBlobs(blobs);
    }

    /**
     * {@code file:/abs/path}, built by hand because {@link Path#toUri()} adds a trailing slash only
     * when the folder already exists, which would make the same setting print differently.
     */
    private static URI fileUri(Path absolute) {
        try {
            return new URI("file", null, absolute.toString(), null);
        } catch (URISyntaxException e) {
            throw new ConfigException("the data folder " + absolute + " cannot be written as a file: URI");
        }
    }
}
