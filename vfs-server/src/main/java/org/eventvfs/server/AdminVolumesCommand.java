package org.eventvfs.server;

import java.util.List;
import java.util.concurrent.Callable;
import org.eventvfs.server.VolumeSummaries.VolumeSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vfs admin volumes}: every volume with its log length and the users whose home is in it. */
@Command(name = "volumes", description = "List the volumes: their log length and their users.")
final class AdminVolumesCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "a JSON array, as GET /v1/volumes on the admin socket answers")
    boolean json;

    AdminVolumesCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<VolumeSummary> volumes = StoreAccess.run(options.load(environment), VolumeSummaries::of,
                AdminClient::volumes);
        if (json) {
            environment.out().println(AdminApi.encode(volumes).toString());
        } else {
            VolumeSummaries.lines(volumes).forEach(environment.out()::println);
        }
        return 0;
    }
}
