package org.eventvfs.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.eventvfs.Retention;
import org.eventvfs.domain.Actor;
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

    @Option(names = "--keep-days", paramLabel = "N",
            description = "keep the content of revisions superseded (replaced or removed) within the last N days, "
                    + "and delete the blocks only older ones use; current content is always kept, the events stay "
                    + "(default: retention.keepDays of the configuration, else every revision is kept)")
    String keepDays;

    @Option(names = "--dry-run", description = "name the blocks that would be deleted, and delete none")
    boolean dryRun;

    GcCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Duration period = BlockMaintenance.duration("--grace", grace);
        ServerConfig config = options.load(environment);
        Retention retention = keepDays != null ? ConfigValues.keepDays("--keep-days", keepDays) : config.retention();
        GcResult result = StoreAccess.run(config,
                vfs -> BlockMaintenance.collect(vfs, Actor.cli(System.getProperty("user.name")), period, retention,
                        dryRun),
                server -> server.collectGarbage(new GcRequest(period.toString(), dryRun,
                        BlockMaintenance.keepDays(retention))));
        result.lines(period, retention).forEach(environment.out()::println);
        return 0;
    }
}
