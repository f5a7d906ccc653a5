package org.eventvfs.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of a log query.
 *
 * @param next the position to continue after ({@code after=next}) when the page stopped at its
 *             limit or at the most events one page scans; null when the log up to the head was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogPage(List<LogEntry> entries, Long next) {
    public LogPage {
        entries = List.copyOf(entries);
    }
}
