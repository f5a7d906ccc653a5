package org.eventvfs.server;

import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.Retention;
import org.eventvfs.impl.StoreVerification;
import org.eventvfs.server.BlockMaintenance.CheckResult;
import org.eventvfs.server.BlockMaintenance.VerifyRequest;
import org.eventvfs.server.LogIntegrity.ChainResult;
import org.eventvfs.server.LogIntegrity.Head;
import org.eventvfs.server.LogIntegrity.HeadCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vfs verify}: the hash chain of every stream and every referenced block (docs/verify.md).
 * {@code --blobs [URI]} checks only the blocks (of the configured store, or the one named),
 * {@code --chain-only} only the chains, and {@code --checkpoint FILE} whether the log still holds
 * a signed checkpoint's heads. On a stopped data folder the stores are opened to be read only
 * ({@link ReadOnlyStores}); while a server runs, it does the reading.
 */
@Command(name = "verify", description = "Check the hash chain of every stream and every referenced content block;"
        + " or, with --checkpoint, that the log still holds a signed checkpoint.")
final class VerifyCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--chain-only", description = "check only the hash chains, not the blocks")
    boolean chainOnly;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "check the signature of a checkpoint made by `vfs checkpoint` and that every stream "
                    + "still holds its head, with an intact chain up to it")
    Path checkpoint;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "with --checkpoint: the public key (PEM) it must be signed with; without it, the key "
                    + "in the file is used and its fingerprint printed for you to compare")
    Path publicKey;

    VerifyCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    /** 0 if everything checked is intact, 1 if anything is not (each named on a line). */
    @Override
    public Integer call() {
        if (publicKey != null && checkpoint == null) {
            throw new ParameterException(spec.commandLine(), "--public-key goes with --checkpoint FILE");
        }
        if (chainOnly && options.blobsNamed()) {
            throw new ParameterException(spec.commandLine(), "--chain-only and --blobs check different things:"
                    + " give one, or neither for both");
        }
        ServerConfig config = options.load(environment);
        Outcome outcome = checkpoint != null ? checkpoint(config) : everything(config);
        outcome.lines().forEach(environment.out()::println);
        return outcome.intact() ? 0 : FailureReporter.FAILED;
    }

    /** What was found: the lines to print, and whether all of it is intact. */
    record Outcome(List<String> lines, boolean intact) {
    }

    private Outcome everything(ServerConfig config) {
        boolean chains = !options.blobsNamed();
        boolean blocks = !chainOnly;
        Retention retention = config.retention();
        return StoreAccess.verify(config,
                stores -> check(chains ? chains(stores) : none(), blocks ? blocks(stores, retention) : null),
                server -> check(chains ? server.verifyChains() : none(),
                        blocks ? server.verifyBlocks(new VerifyRequest(BlockMaintenance.keepDays(retention))) : null));
    }

    private static Future<List<ChainResult>> chains(StoreVerification stores) {
        return stores.chains().map(reports -> reports.stream().map(ChainResult::of).toList());
    }

    private static Future<CheckResult> blocks(StoreVerification stores, Retention retention) {
        return stores.blocks(retention, Instant.now()).map(CheckResult::of);
    }

    private static Future<List<ChainResult>> none() {
        return Future.succeededFuture(List.of());
    }

    /** The chains first: a block check reads every event, so damage there is best named by the chain check. */
    private static Future<Outcome> check(Future<List<ChainResult>> chains, Future<CheckResult> blocks) {
        return chains.compose(results -> {
            List<String> lines = new ArrayList<>();
            boolean intact = true;
            for (ChainResult result : results) {
                lines.addAll(result.lines());
                intact &= result.intact();
            }
            if (blocks == null) {
                return Future.succeededFuture(new Outcome(lines, intact));
            }
            boolean chainsIntact = intact;
            return blocks.transform((check, failure) -> {
                if (failure != null) {
                    lines.add("blocks: not checked, the events that reference them cannot all be read: "
                            + FailureReporter.oneLine(failure));
                    return Future.succeededFuture(new Outcome(lines, false));
                }
                lines.addAll(check.lines());
                if (!chainsIntact) {
                    lines.add("blocks: only those that the events before the damage reference were checked");
                }
                return Future.succeededFuture(new Outcome(lines, chainsIntact && check.intact()));
            });
        });
    }

    private Outcome checkpoint(ServerConfig config) {
        String text;
        try {
            text = Files.readString(checkpoint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure(checkpoint + ": cannot be read: " + e.getMessage(), e);
        }
        Checkpoint document = Checkpoint.parse(text, checkpoint.toString());
        PublicKey key = publicKey != null ? CheckpointKeys.readPublic(publicKey) : document.signer();
        List<String> lines = new ArrayList<>();
        if (!document.signedBy(key)) {
            lines.add("checkpoint " + checkpoint + ": the signature does not verify" + (publicKey != null
                    ? " with " + publicKey : "") + ": the file was altered, or signed with another key");
            return new Outcome(lines, false);
        }
        lines.add("checkpoint " + checkpoint + " of " + document.time() + ": signature valid, by key "
                + CheckpointKeys.fingerprint(key) + (publicKey != null ? " (" + publicKey + ")"
                : "; compare this fingerprint with the one you kept, since anyone can sign with a key of their own"));
        List<HeadCheck> checks = StoreAccess.verify(config,
                stores -> stores.checkpoint(document.heads().stream().map(Head::toCheckpointHead).toList())
                        .map(all -> all.stream().map(HeadCheck::of).toList()),
                server -> server.verifyCheckpoint(document.heads()));
        checks.forEach(check -> lines.add(check.line()));
        return new Outcome(lines, checks.stream().allMatch(check -> check.problem() == null));
    }
}
