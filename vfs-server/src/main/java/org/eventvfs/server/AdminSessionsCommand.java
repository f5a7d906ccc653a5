package org.eventvfs.server;

import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.AdminApi.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vfs admin sessions}: the running server's open sessions, as a table or JSON. */
@Command(name = "sessions", description = "The running server's open sessions: who, from where, since when.")
final class AdminSessionsCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "one JSON array, as GET /v1/sessions on the admin socket answers")
    boolean json;

    AdminSessionsCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<Session> sessions = StoreAccess.onRunningServer(options.load(environment), "sessions",
                AdminClient::sessions);
        if (json) {
            environment.out().println(AdminApi.encode(sessions).toString());
        } else {
            SessionTable.lines(sessions).forEach(environment.out()::println);
        }
        return 0;
    }
}
