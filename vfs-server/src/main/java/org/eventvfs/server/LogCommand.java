package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eventvfs.audit.LogQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vfs log}: who did what, where and when, from a volume's log with filters, oldest first.
 * Read a page at a time and printed as it comes, so a long log never sits in memory.
 */
@Command(name = "log", description = "Show a volume's events, oldest first: who changed what, when, from where.")
final class LogCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--volume", paramLabel = "NAME", defaultValue = "default",
            description = "the volume (default: default); @accounts for the account stream: who added, changed, "
                    + "disabled, invited or removed users and ended their sessions")
    String volume;

    @Option(names = "--path", paramLabel = "PREFIX",
            description = "events on this volume path or below it, and removals and moves of its folders")
    String path;

    @Option(names = "--user", paramLabel = "NAME",
            description = "events made by this user")
    String user;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "events made over sftp, webdav, ftp, http, cli, admin or system")
    String protocol;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "events made from this address, with or without its port")
    String address;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "events of this type, e.g. NodeMoved; repeat or separate by commas")
    List<String> types = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME",
            description = "from this time on: 2026-11-21T10:00:00Z, 2026-11-21, 2h (ago), @1234")
    String since;

    @Option(names = "--until", paramLabel = "TIME",
            description = "up to this time, inclusive (same forms as --since)")
    String until;

    @Option(names = "--limit", paramLabel = "N",
            description = "print at most N events (default: all)")
    Long limit;

    @Option(names = "--json", description = "one JSON object a line, as the HTTP API answers")
    boolean json;

    LogCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new CommandFailure("--limit must be 1 or more, not " + limit);
        }
        AuditOutput output = new AuditOutput(environment.out(), json);
        AuditAccess.run(options.load(environment),
                audit -> pages(audit, output, 0, limit == null ? Long.MAX_VALUE : limit));
        return 0;
    }

    /** Prints pages from after {@code after} until {@code remaining} entries are printed or the log ends. */
    private Future<Void> pages(AuditOperations audit, AuditOutput output, long after, long remaining) {
        int size = (int) Math.min(PAGE, remaining);
        return audit.log(volume, parameters(after, size)).compose(page -> output.printOffLoop(page.entries())
                .compose(printed -> {
                    long left = remaining - page.entries().size();
                    return page.next() == null || left == 0 ? Future.succeededFuture()
                            : pages(audit, output, page.next(), left);
                }));
    }

    private Map<String, List<String>> parameters(long after, int size) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "path", path);
        put(parameters, "user", user);
        put(parameters, "protocol", protocol);
        put(parameters, "address", address);
        put(parameters, "since", since);
        put(parameters, "until", until);
        if (!types.isEmpty()) {
            parameters.put("type", types);
        }
        parameters.put("after", List.of(Long.toString(after)));
        parameters.put("limit", List.of(Integer.toString(Math.min(size, LogQuery.MAX_LIMIT))));
        return parameters;
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, List.of(value));
        }
    }
}
