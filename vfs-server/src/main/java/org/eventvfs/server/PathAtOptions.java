package org.eventvfs.server;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code vfs history} and {@code vfs cat} ask about: a volume path as of a point in time. */
final class PathAtOptions {
    @Parameters(paramLabel = "PATH", description = "a volume path, e.g. /alice/report.pdf")
    String path;

    @Option(names = "--volume", paramLabel = "NAME", defaultValue = "default",
            description = "the volume (default: default)")
    String volume;

    @Option(names = "--at", paramLabel = "TIME",
            description = "2026-11-21T10:00:00Z, 2026-11-21, 2h (ago) or @1234 (default: now)")
    String at;

    /** The path and the time as the audit queries take them. */
    Map<String, List<String>> parameters() {
        return at == null ? Map.of("path", List.of(path)) : Map.of("path", List.of(path), "at", List.of(at));
    }
}
