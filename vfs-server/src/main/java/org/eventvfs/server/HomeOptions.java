package org.eventvfs.server;

import picocli.CommandLine.Option;

/** Where a new user lives and what they may do there: {@code vfs user add} and {@code vfs admin invite}. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "PATH", description = "home directory in the volume (default /NAME)")
    String home;

    @Option(names = "--volume", paramLabel = "V", description = "volume (default " + UserAdministration.DEFAULT_VOLUME
            + ")")
    String volume;

    @Option(names = "--read-only", description = "the user may read but not change anything")
    boolean readOnly;
}
