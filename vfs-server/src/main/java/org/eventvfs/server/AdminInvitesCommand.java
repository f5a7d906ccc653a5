package org.eventvfs.server;

import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.AdminApi.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vfs admin invites}: the invites not redeemed yet, and {@code revoke} to withdraw one. */
@Command(name = "invites", description = "List the invites not redeemed yet; 'revoke NAME' withdraws one.")
final class AdminInvitesCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    AdminInvitesCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<User> invited = UserAccess.run(options.load(environment), UserOperations::list).stream()
                .filter(user -> user.inviteExpires() != null).toList();
        new TextTable(List.of("NAME", "VOLUME", "HOME", "READ-ONLY", "EXPIRES")).lines(invited.stream()
                .map(user -> List.of(user.name(), user.volume(), user.home(), user.readOnly() ? "yes" : "no",
                        user.inviteExpires())).toList()).forEach(environment.out()::println);
        return 0;
    }

    @Command(name = "revoke", description = "Withdraw an invite that was not redeemed yet.")
    int revoke(@Mixin ConfigOptions revokeOptions, @Parameters(paramLabel = "NAME") String name) {
        UserAccess.run(revokeOptions.load(environment), users -> users.revokeInvite(name));
        environment.out().println("revoked the invite of " + name);
        return 0;
    }
}
