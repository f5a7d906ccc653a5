package org.eventvfs.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsPath;

/**
 * One event of a volume's log as an audit shows it: where it stands, when (ISO-8601, UTC), who
 * made it, its type, the volume path it concerned as of then (and {@code toPath} for a move), and
 * what it changed.
 *
 * @param path the node's path when the event happened; for a removal, just before it; for a move,
 *             where it came from; null if the node cannot be placed (never for a well-formed log)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogEntry(long position, String time, Actor actor, String event, String path, String toPath,
                       Details details) {
    /** True if {@code path} or {@code toPath} is {@code prefix} or below it. */
    public boolean touches(VfsPath prefix) {
        return within(path, prefix) || within(toPath, prefix);
    }

    private static boolean within(String path, VfsPath prefix) {
        return path != null && VfsPath.parse(path).startsWith(prefix);
    }
}
