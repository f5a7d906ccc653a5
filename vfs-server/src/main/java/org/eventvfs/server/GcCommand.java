package org.eventvfs.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.eventvfs.server.BlockMaintenance.GcRequest;
import org.eventvfs.server.BlockMaintenance.GcResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs gc}: deletes the content blocks that no event references, once older than the grace
 * period. Through the running server when there is one, which then keeps what its uploads in
 * flight store (docs/gc.md); on the stores directly, holding the data folder's lock, otherwise.
 */
@Command(name = "gc", description = "Delete content blocks that no event references, once older than the grace period.")
final class GcCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "24h",
            description = "keep unreferenced blocks stored (or put again) within this long, since uploads store "
                    + "blocks before their event: 24h, 30m, 7d, 0 (default 24h)")
    String grace;

    @Option(names = "--dry-run", description = "name the blocks that would be deleted, and delete none")
    boolean dryRun;

    GcCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Duration period = BlockMaintenance.duration("--grace", grace);
        GcResult result = StoreAccess.run(options.load(environment),
                vfs -> vfs.collectGarbage(period, dryRun).map(GcResult::of),
                server -> server.collectGarbage(new GcRequest(period.toString(), dryRun)));
        result.lines(period).forEach(environment.out()::println);
        return 0;
    }
}
