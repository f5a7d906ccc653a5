package org.eventvfs.server;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.AdminApi.Joined;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vfs join CODE}: redeems an invite with a password (hashed here, never sent in clear) or
 * SSH keys; on this machine's server, or on another one's admin port with {@code --server}.
 */
@Command(name = "join", description = "Redeem an invite: choose your password (or give SSH keys) and become "
        + "the user it was made for.")
final class JoinCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Parameters(paramLabel = "CODE", description = "the invite code, e.g. K7QZ-M2XA-…")
    String code;

    @Option(names = "--server", paramLabel = "URL",
            description = "the server's admin port, e.g. https://files.example.net:9443 (default: the server "
                    + "on this machine's data folder)")
    URI server;

    @Option(names = "--cacert", paramLabel = "PEM", description = "the certificate to trust for --server "
            + "(its self-signed one); default: the system's trusted authorities")
    Path caCertificate;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--key", paramLabel = "FILE", description = "an SSH public key file; repeat for more")
    List<Path> keyFiles = new ArrayList<>();

    JoinCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<String> keys = PublicKeyFiles.read(keyFiles);
        String hash = passwordStdin || keys.isEmpty()
                ? PasswordInput.readHash(environment, passwordStdin, "the invited user") : null;
        Joined joined = server == null
                ? UserAccess.run(options.load(environment), users -> users.join(code, hash, keys))
                : remotely(hash, keys);
        environment.out().printf("joined as %s: volume %s, home %s%n", joined.name(), joined.volume(), joined.home());
        return 0;
    }

    private Joined remotely(String hash, List<String> keys) {
        if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
            throw new CommandFailure("--server must be an https:// URL, not " + server);
        }
        Vertx vertx = Vertx.vertx();
        AdminClient client = new AdminClient(vertx, server, caCertificate);
        try {
            return client.join(code, hash, keys).eventually(client::close).await();
        } finally {
            vertx.close().await();
        }
    }
}
