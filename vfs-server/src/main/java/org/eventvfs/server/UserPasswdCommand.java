package org.eventvfs.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vfs user passwd}: a new password for a user. */
@Command(name = "passwd", description = "Set a user's password; without --password-stdin, asks on the terminal.")
final class UserPasswdCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    UserPasswdCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ServerConfig config = options.load(environment);
        String hash = PasswordInput.readHash(environment, passwordStdin, name);
        UserAccess.run(config, users -> users.changePassword(name, hash));
        environment.out().println("changed the password of " + name);
        return 0;
    }
}
