package org.eventvfs.server;

import java.util.concurrent.Callable;
import org.eventvfs.domain.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs undo --user U --since TIME}: reverses what one user changed since then (ransomware,
 * a bad sync), as one new command; paths someone else changed since are left alone and named.
 */
@Command(name = "undo", description = "Reverse what one user changed since a time, leaving others' changes alone.")
final class UndoCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "whose changes to reverse")
    String user;

    @Option(names = "--since", required = true, paramLabel = "TIME",
            description = "2026-11-21T10:00:00Z, 2026-11-21 (its start), or a position such as @1234")
    String since;

    @Mixin
    RepairOptions repair;

    UndoCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        var request = new Repairs.UndoRequest(repair.volume, user, since, repair.dryRun);
        Repairs.RepairReport report = StoreAccess.run(options.load(environment),
                vfs -> Repairs.undo(vfs, request, Actor.cli(System.getProperty("user.name"))),
                server -> server.undo(request));
        report.lines().forEach(environment.out()::println);
        return 0;
    }
}
