package org.eventvfs.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vfs user remove}: removes a user; their files stay in the volume. */
@Command(name = "remove", description = "Remove a user. Their files stay in the volume.")
final class UserRemoveCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    UserRemoveCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        UserAccess.run(options.load(environment), users -> users.remove(name));
        environment.out().println("removed user " + name);
        return 0;
    }
}
