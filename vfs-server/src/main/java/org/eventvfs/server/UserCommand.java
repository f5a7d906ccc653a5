package org.eventvfs.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vfs user}: the users, changed on the stores directly or, while a server runs on the data
 * folder, through its admin socket.
 */
@Command(name = "user", description = "Add, list, change and remove users.")
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a user command: add, list, passwd, keys or remove");
    }
}
