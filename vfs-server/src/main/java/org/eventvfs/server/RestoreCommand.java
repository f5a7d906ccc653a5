package org.eventvfs.server;

import java.util.concurrent.Callable;
import org.eventvfs.domain.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vfs restore PATH --at TIME}: a file or a whole folder back as it was, as one new command
 * in the log; the damage and the repair both stay in the history.
 */
@Command(name = "restore", description = "Put a file or folder back as it was at a past time or position.")
final class RestoreCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "PATH", description = "the path in the volume, e.g. /alice/reports")
    String path;

    @Option(names = "--at", required = true, paramLabel = "TIME",
            description = "2026-11-21T10:00:00Z, 2026-11-21 (its end), or a position such as @1234")
    String at;

    @Mixin
    RepairOptions repair;

    RestoreCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        var request = new Repairs.RestoreRequest(repair.volume, path, at, repair.dryRun);
        Repairs.RepairReport report = StoreAccess.run(options.load(environment),
                vfs -> Repairs.restore(vfs, request, Actor.cli(System.getProperty("user.name"))),
                server -> server.restore(request));
        report.lines().forEach(environment.out()::println);
        return 0;
    }
}
