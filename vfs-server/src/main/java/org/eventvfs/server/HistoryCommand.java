package org.eventvfs.server;

import java.util.concurrent.Callable;
import org.eventvfs.audit.FileHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs history PATH}: every revision of the file at PATH (as of now, or of {@code --at}),
 * followed across renames by its node id.
 */
@Command(name = "history", description = "Show every revision of a file (or folder), following it across renames.")
final class HistoryCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Mixin
    PathAtOptions file;

    @Option(names = "--json", description = "one JSON object a line, as the HTTP API answers")
    boolean json;

    HistoryCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        FileHistory history = AuditAccess.run(options.load(environment),
                audit -> audit.history(file.volume, file.parameters()));
        new AuditOutput(environment.out(), json).print(history.revisions());
        return 0;
    }
}
