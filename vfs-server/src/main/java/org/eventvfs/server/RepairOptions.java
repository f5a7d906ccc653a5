package org.eventvfs.server;

import picocli.CommandLine.Option;

/** What {@code vfs restore} and {@code vfs undo} share: the volume, and whether only to show the plan. */
final class RepairOptions {
    @Option(names = "--volume", defaultValue = "default", paramLabel = "NAME", description = "default: default")
    String volume;

    @Option(names = "--dry-run", description = "show what would change, and change nothing")
    boolean dryRun;
}
