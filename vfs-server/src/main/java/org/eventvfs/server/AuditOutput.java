package org.eventvfs.server;

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
