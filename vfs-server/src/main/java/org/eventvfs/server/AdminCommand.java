package org.eventvfs.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vfs admin}: the administration of users, invites and volumes, the running server's stats,
 * and the log, in one place; each works through the admin socket while a server runs.
 */
@Command(name = "admin", description = "Administer the server: users, invites, volumes, live sessions, stats and the log.")
final class AdminCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an admin command: users, invite, invites, volumes, sessions, kick, stats or log");
    }
}
