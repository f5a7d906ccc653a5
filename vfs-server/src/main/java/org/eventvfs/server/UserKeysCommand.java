package org.eventvfs.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vfs user keys}: replaces a user's SSH public keys with those in the files given. */
@Command(name = "keys", description = "Replace a user's SSH public keys with the keys in the files given.")
final class UserKeysCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "an SSH public key file; repeat for more")
    List<Path> keyFiles;

    UserKeysCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ServerConfig config = options.load(environment);
        List<String> keys = PublicKeyFiles.read(keyFiles);
        UserAccess.run(config, users -> users.changeKeys(name, keys));
        environment.out().println("set " + keys.size() + " key(s) for " + name);
        return 0;
    }
}
