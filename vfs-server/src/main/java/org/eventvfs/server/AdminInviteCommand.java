package org.eventvfs.server;

import java.util.concurrent.Callable;
import org.eventvfs.server.AdminApi.Invitation;
import org.eventvfs.server.AdminApi.NewInvite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs admin invite}: reserves a user name and home for someone who chooses their own
 * password or key by redeeming a one-time code ({@code vfs join CODE}, or the join page).
 */
@Command(name = "invite", description = "Invite someone: a one-time code with which they choose their own "
        + "password or SSH key (vfs join CODE, or the join page of the admin port).")
final class AdminInviteCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Mixin
    HomeOptions place;

    @Option(names = "--user", paramLabel = "NAME", description = "their user name (default: the home's last name)")
    String name;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "7d",
            description = "how long the code works: 7d, 48h, 30m (default 7d)")
    String expires;

    AdminInviteCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (place.home == null && name == null) {
            throw new CommandFailure("name the home (--home /team/alice) or the user (--user alice) to invite");
        }
        long seconds = BlockMaintenance.duration("--expires", expires).toSeconds();
        if (seconds < 1) {
            throw new CommandFailure("--expires must be at least one second");
        }
        ServerConfig config = options.load(environment);
        Invitation invitation = UserAccess.run(config,
                users -> users.invite(new NewInvite(name, place.volume, place.home, place.readOnly, seconds)));
        environment.out().printf("invited %s: volume %s, home %s%s%n", invitation.name(), invitation.volume(),
                invitation.home(), place.readOnly ? " (read-only)" : "");
        environment.out().println("code " + invitation.code() + " (works once, until " + invitation.expires() + ")");
        environment.out().println("redeem: vfs join " + invitation.code());
        return 0;
    }
}
