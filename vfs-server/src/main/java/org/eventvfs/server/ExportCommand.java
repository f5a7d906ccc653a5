package org.eventvfs.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eventvfs.server.VolumeArchive.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vfs export VOLUME --to DIR}: a volume's whole history, as JSON lines and blocks. */
@Command(name = "export", description = "Write a volume's whole history (events and content blocks) into a folder.")
final class ExportCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "VOLUME", description = "the volume to export")
    String volume;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "a new or empty folder")
    Path folder;

    ExportCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Summary summary = VolumeArchive.withStores(options.load(environment),
                archive -> archive.export(volume, folder));
        environment.out().println("exported volume " + summary.volume() + ": " + summary.events() + " events, "
                + summary.blocks() + " blocks, head " + summary.head().hash() + " into " + folder);
        return 0;
    }
}
