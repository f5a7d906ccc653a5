package org.eventvfs.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
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
    /** Events that take a whole subtree with them: a folder's removal, move or copy. */
    private static final Set<String> SUBTREE_EVENTS = Set.of("NodeRemoved", "NodeMoved", "TreeCopied");

    /**
     * True if the event concerned {@code prefix} or something below it: its path or {@code toPath}
     * is there, or it removed, moved or copied a folder that holds {@code prefix}, so that asking
     * about a file also finds the removal of its folder.
     */
    public boolean touches(VfsPath prefix) {
        boolean subtree = SUBTREE_EVENTS.contains(event);
        return touches(path, prefix, subtree) || touches(toPath, prefix, subtree);
    }

    private static boolean touches(String path, VfsPath prefix, boolean subtree) {
        if (path == null) {
            return false;
        }
        VfsPath parsed = VfsPath.parse(path);
        return parsed.startsWith(prefix) || subtree && prefix.startsWith(parsed);
    }
}
