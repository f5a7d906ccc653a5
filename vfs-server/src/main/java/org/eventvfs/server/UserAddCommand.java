package org.eventvfs.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vfs user add}: a new user with a password, SSH keys or both, and their home directory. */
@Command(name = "add", description = "Add a user and create their home directory. Without --password-stdin "
        + "or --key, asks for a password on the terminal.")
final class UserAddCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "NAME", description = "user name: 1 to 32 of a-z, 0-9, '_', '.', '-'")
    String name;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--key", paramLabel = "FILE", description = "an SSH public key file; repeat for more")
    List<Path> keyFiles = new ArrayList<>();

    @Mixin
    HomeOptions place;

    @Option(names = "--admin", description = "the user may administer the server: the control panel and the "
            + "admin port")
    boolean admin;

    UserAddCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ServerConfig config = options.load(environment);
        List<String> keys = PublicKeyFiles.read(keyFiles);
        boolean askPassword = passwordStdin || keys.isEmpty();
        String hash = askPassword ? PasswordInput.readHash(environment, passwordStdin, name) : null;
        NewUser user = new NewUser(name, hash, keys, place.volume, place.home, place.readOnly, admin);
        User added = UserAccess.run(config, users -> users.add(user));
        environment.out().printf("added %s %s: volume %s, home %s%s, %s, %d key(s)%n",
                added.admin() ? "administrator" : "user", added.name(), added.volume(), added.home(),
                added.readOnly() ? " (read-only)" : "", added.hasPassword() ? "password" : "no password",
                added.keys().size());
        return 0;
    }
}
