package org.eventvfs.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.LogIntegrity.Head;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs checkpoint}: signs the head of every stream with ed25519, so that an operator who
 * keeps the result apart from the store can later prove with {@code vfs verify --checkpoint} that
 * the log still holds everything up to it. The key is the data folder's ({@code checkpoint.key},
 * made on first use) unless {@code --key} names one; it never leaves this process.
 */
@Command(name = "checkpoint", description = "Sign the head of every stream (ed25519) for `vfs verify --checkpoint`.")
final class CheckpointCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--key", paramLabel = "FILE",
            description = "ed25519 private key, PKCS#8 PEM (default: <data>/checkpoint.key, made on first use)")
    Path key;

    @Option(names = "--out", paramLabel = "FILE", description = "write the checkpoint here (default: stdout)")
    Path out;

    CheckpointCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ServerConfig config = options.load(environment);
        KeyPair pair = key != null ? CheckpointKeys.read(key) : CheckpointKeys.ofDataFolder(config.dataFolder());
        List<Head> heads = StoreAccess.verify(config,
                stores -> stores.heads().map(all -> all.stream().map(Head::of).toList()),
                AdminClient::heads);
        String json = Checkpoint.sign(heads, Instant.now(), pair).json();
        if (out == null) {
            environment.out().print(json);
            environment.out().flush();
            return 0;
        }
        try {
            Files.writeString(out, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot write the checkpoint to " + out + ": " + e.getMessage(), e);
        }
        environment.out().println("checkpoint of " + heads.size() + " streams written to " + out + "; signed by key "
                + CheckpointKeys.fingerprint(pair.getPublic()));
        return 0;
    }
}
