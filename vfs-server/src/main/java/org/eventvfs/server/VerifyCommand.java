package org.eventvfs.server;

import java.util.concurrent.Callable;
import org.eventvfs.server.BlockMaintenance.CheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vfs verify --blobs [URI]}: every block an event references is stored and hashes to its
 * name. {@code --blobs} is the shared option that names the blob store; given alone, it means the
 * configured one.
 */
@Command(name = "verify", description = "Check the stores: with --blobs [URI], read back every referenced content block.")
final class VerifyCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    VerifyCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    /** 0 if every block is intact, 1 if any is missing or damaged (each named on a line). */
    @Override
    public Integer call() {
        if (!options.blobsNamed()) {
            throw new ParameterException(spec.commandLine(), "name what to verify: --blobs");
        }
        CheckResult result = StoreAccess.run(options.load(environment),
                vfs -> vfs.verifyBlocks().map(CheckResult::of), AdminClient::verifyBlocks);
        result.lines().forEach(environment.out()::println);
        return result.intact() ? 0 : FailureReporter.FAILED;
    }
}
