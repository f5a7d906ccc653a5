package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.function.Function;
import org.eventvfs.server.AdminApi.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vfs user}: the users, changed on the stores directly or, while a server runs on the data
 * folder, through its admin socket. The commands that switch one thing about a user are its methods.
 */
@Command(name = "user", description = "Add, list, change and remove users.")
final class UserCommand implements Runnable {
    private final CommandEnvironment environment;

    @Spec
    CommandSpec spec;

    UserCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a user command: add, list, passwd, keys, disable, enable, admin or remove");
    }

    @Command(name = "disable", description = "Refuse every login of a user and end their live sessions. "
            + "Their files and settings stay.")
    int disable(@Mixin ConfigOptions options, @Parameters(paramLabel = "NAME") String name) {
        return apply(options, users -> users.disable(name), "disabled user " + name);
    }

    @Command(name = "enable", description = "Let a disabled user log in again.")
    int enable(@Mixin ConfigOptions options, @Parameters(paramLabel = "NAME") String name) {
        return apply(options, users -> users.enable(name), "enabled user " + name);
    }

    @Command(name = "admin", description = "Make a user an administrator (the control panel, the admin port), "
            + "or with --revoke no longer one.")
    int admin(@Mixin ConfigOptions options, @Parameters(paramLabel = "NAME") String name,
              @Option(names = "--revoke", description = "take the role away") boolean revoke) {
        return apply(options, users -> users.setAdmin(name, !revoke),
                (revoke ? "user " + name + " is no longer an administrator" : "user " + name + " is an administrator"));
    }

    private int apply(ConfigOptions options, Function<UserOperations, Future<User>> change, String done) {
        UserAccess.run(options.load(environment), change);
        environment.out().println(done);
        return 0;
    }
}
