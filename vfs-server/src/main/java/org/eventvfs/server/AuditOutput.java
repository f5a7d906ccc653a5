package org.eventvfs.server;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.List;
import org.eventvfs.audit.LogEntry;

/**
 * How {@code vfs log} and {@code vfs history} print entries: an aligned table for people, or with
 * {@code --json} one JSON object a line, in the shape the HTTP API answers.
 */
final class AuditOutput {
    private static final List<String> HEADER =
            List.of("POSITION", "TIME", "USER", "PROTOCOL", "ADDRESS", "EVENT", "PATH", "DETAILS");

    private final PrintWriter out;
    private final boolean json;
    private final TextTable table = new TextTable(HEADER);

    AuditOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /**
     * Prints a page off the event loop, whose callbacks deliver the pages: a pipe to a slow reader
     * ({@code vfs log | less}) blocks the write, and must not block the loop.
     */
    Future<Void> printOffLoop(List<LogEntry> entries) {
        return offLoop(() -> print(entries));
    }

    /** Runs {@code write} on a worker of the current Vert.x context, or here when there is none. */
    static Future<Void> offLoop(Runnable write) {
        Context context = Vertx.currentContext();
        if (context == null) {
            write.run();
            return Future.succeededFuture();
        }
        return context.executeBlocking(() -> {
            write.run();
            return null;
        });
    }

    /** Prints a page of entries; the table's header goes before the first, even if it is empty. */
    void print(List<LogEntry> entries) {
        if (json) {
            entries.forEach(entry -> out.println(AdminApi.encode(entry)));
        } else {
            table.lines(entries.stream().map(AuditOutput::row).toList()).forEach(out::println);
        }
        out.flush();
    }

    private static List<String> row(LogEntry entry) {
        String path = entry.path() == null ? "-" : entry.path();
        if (entry.toPath() != null) {
            path += " -> " + entry.toPath();
        }
        // To the second: the table is for reading; --json keeps the milliseconds.
        String time = entry.time().replaceFirst("\\.\\d+Z$", "Z");
        return List.of(Long.toString(entry.position()), time, entry.actor().user(), entry.actor().protocol(),
                entry.actor().address(), entry.event(), path, entry.details().summary());
    }
}
