package org.eventvfs.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eventvfs.server.VolumeArchive.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vfs import DIR}: a volume exported by {@code vfs export}, checked hash for hash, into the
 * configured stores, where the volume must not exist yet.
 */
@Command(name = "import", description = "Check and store a volume that vfs export wrote into a folder.")
final class ImportCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "DIR", description = "the folder vfs export wrote")
    Path folder;

    ImportCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Summary summary = VolumeArchive.withStores(options.load(environment),
                archive -> archive.importFrom(folder));
        environment.out().println("imported volume " + summary.volume() + ": " + summary.events() + " events, "
                + summary.blocks() + " blocks, chain verified to head " + summary.head().hash());
        return 0;
    }
}
