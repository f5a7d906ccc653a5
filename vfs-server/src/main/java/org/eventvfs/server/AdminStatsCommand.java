package org.eventvfs.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs admin stats}: the running server's counters (sessions by protocol, commands, content
 * bytes, refused logins, each volume's log length), as lines or JSON. Without a server there is
 * nothing to count, and it says so.
 */
@Command(name = "stats", description = "The running server's sessions, commands, bytes and refused logins.")
final class AdminStatsCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "one JSON object, as GET /v1/stats on the admin socket answers")
    boolean json;

    AdminStatsCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StatsReport report = StoreAccess.onRunningServer(options.load(environment), "stats", AdminClient::stats);
        if (json) {
            environment.out().println(AdminApi.encode(report).toString());
        } else {
            report.lines().forEach(environment.out()::println);
        }
        return 0;
    }
}
