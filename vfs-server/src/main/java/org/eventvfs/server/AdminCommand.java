package org.eventvfs.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vfs admin}: what only a running server knows, asked through its admin socket. */
@Command(name = "admin", description = "Ask the running server: stats, sessions, kick.")
final class AdminCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an admin command: stats, sessions or kick");
    }
}
