package org.eventvfs.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs admin stats}: the running server's figures ({@link StatsReport}: sessions by protocol,
 * commands and content bytes with their recent rates, refused logins, store failures, each stream's
 * length, bytes and projection lag, the blob store's size), as lines or JSON. Without a server
 * there is nothing to count, and it says so.
 */
@Command(name = "stats", description = "The running server's sessions, commands, bytes, rates, failures, log and blob sizes.")
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
