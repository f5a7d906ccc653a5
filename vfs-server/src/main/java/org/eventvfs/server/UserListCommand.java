package org.eventvfs.server;

import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.AdminApi.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vfs user list}: every user, as a table. */
@Command(name = "list", description = "List the users.")
final class UserListCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    UserListCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<User> users = UserAccess.run(options.load(environment), UserOperations::list);
        UserTable.lines(users).forEach(environment.out()::println);
        return 0;
    }
}
