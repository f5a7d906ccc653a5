package org.eventvfs.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vfs admin kick}: closes one session of the running server, or every session of one user. */
@Command(name = "kick", description = "Close a session of the running server (its client sees the connection end),"
        + " or every session of a user.")
final class AdminKickCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @ArgGroup(multiplicity = "1")
    Target target;

    /** A session id or a user, never both. */
    static final class Target {
        @Parameters(paramLabel = "ID", description = "a session id, as vfs admin sessions lists it")
        String id;

        @Option(names = "--user", paramLabel = "NAME", description = "every session logged in as NAME")
        String user;
    }

    AdminKickCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        int kicked = StoreAccess.onRunningServer(options.load(environment), "sessions",
                admin -> target.id != null ? admin.kick(target.id) : admin.kickUser(target.user)).sessions();
        environment.out().println(target.id != null ? "kicked " + target.id
                : "kicked " + kicked + (kicked == 1 ? " session" : " sessions") + " of " + target.user);
        return 0;
    }
}
