package org.eventvfs.server;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares: where the configuration and the stores are, and how loudly to fail. */
final class ConfigOptions {
    static final String VERBOSE = "--verbose";

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: $VFS_CONFIG, else ./vfs.yaml if it exists)")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: $VFS_DATA, else ./vfs-data)")
    String data;

    @Option(names = "--events", paramLabel = "URI", description = "event store (default: file:<data>/events)")
    String events;

    /** What {@code --blobs} holds when given without a URI: {@code vfs verify --blobs} checks the configured store. */
    static final String CONFIGURED_BLOBS = "(configured)";

    @Option(names = "--blobs", paramLabel = "URI", arity = "0..1", fallbackValue = CONFIGURED_BLOBS,
            description = "blob store (default: file:<data>/blobs)")
    String blobs;

    @Option(names = {"-v", VERBOSE}, description = "print the stack trace of a failure")
    boolean verbose;

    /** The configuration in force, with these flags and {@code bind} and {@code ports} on top. */
    ServerConfig load(CommandEnvironment environment, String bind, Map<Protocol, Integer> ports) {
        ConfigLayer flags = new ConfigLayer(
                data == null ? null : ConfigValues.path("--data", data),
                events == null ? null : ConfigValues.storeUriFlag("--events", events),
                blobs == null || blobs.equals(CONFIGURED_BLOBS) ? null : ConfigValues.storeUriFlag("--blobs", blobs),
                bind == null ? null : ConfigValues.bind("--bind", bind),
                ports, Map.of());
        return ServerConfig.load(config, environment.variables(), flags);
    }

    /** True if {@code --blobs} was given, with or without a URI. */
    boolean blobsNamed() {
        return blobs != null;
    }

    ServerConfig load(CommandEnvironment environment) {
        return load(environment, null, Map.of());
    }
}
