package org.eventvfs.audit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eventvfs.Volume;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.VolumeEvent;

/**
 * Which events of a volume's log to show. Null filters match everything; each {@code with…}
 * method returns a copy with one filter changed.
 *
 * @param path events whose path, or whose new path for a move, is this path or below it, and the
 *             removals, moves and copies of a folder that holds it ({@link LogEntry#touches})
 * @param address the actor's address, with its port ({@code 203.0.113.7:50022}) or without
 * @param types event type names such as {@code NodeMoved}, in any case; empty for all
 * @param since the earliest time (epoch milliseconds), inclusive
 * @param until the latest time (epoch milliseconds), inclusive
 * @param after show only positions after this one: the cursor of the previous page, 0 from the start
 * @param upTo show only positions up to this one, {@link Volume#HEAD} for all
 * @param limit the most entries a page holds, 1 to {@value #MAX_LIMIT}
 */
public record LogQuery(VfsPath path, String user, String protocol, String address, Set<String> types,
                       Long since, Long until, long after, long upTo, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    /** Every event type of a volume, by the name the log stores. */
    /** The event types of volumes and of the account stream ({@code @accounts}). */
    public static final List<String> TYPES = Stream.concat(Arrays.stream(VolumeEvent.class.getPermittedSubclasses()),
            Arrays.stream(AccountEvent.class.getPermittedSubclasses())).map(Class::getSimpleName).toList();

    public LogQuery {
        types = canonical(types == null ? Set.of() : types);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadQuery("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (after < 0) {
            throw new BadQuery("after must be a position, 0 or more, not " + after);
        }
    }

    /** Every event, a page of {@value #DEFAULT_LIMIT}. */
    public static LogQuery all() {
        return new LogQuery(null, null, null, null, Set.of(), null, null, 0, Volume.HEAD, DEFAULT_LIMIT);
    }

    public LogQuery withPath(VfsPath prefix) {
        return new LogQuery(prefix, user, protocol, address, types, since, until, after, upTo, limit);
    }

    public LogQuery withUser(String name) {
        return new LogQuery(path, name, protocol, address, types, since, until, after, upTo, limit);
    }

    public LogQuery withProtocol(String name) {
        return new LogQuery(path, user, name, address, types, since, until, after, upTo, limit);
    }

    public LogQuery withAddress(String remote) {
        return new LogQuery(path, user, protocol, remote, types, since, until, after, upTo, limit);
    }

    public LogQuery withTypes(Set<String> names) {
        return new LogQuery(path, user, protocol, address, names, since, until, after, upTo, limit);
    }

    public LogQuery withTimes(Long from, Long to) {
        return new LogQuery(path, user, protocol, address, types, from, to, after, upTo, limit);
    }

    public LogQuery withPositions(long afterPosition, long upToPosition) {
        return new LogQuery(path, user, protocol, address, types, since, until, afterPosition, upToPosition, limit);
    }

    public LogQuery withLimit(int most) {
        return new LogQuery(path, user, protocol, address, types, since, until, after, upTo, most);
    }

    /** The stored names of {@code names}, matched without regard to case; an unknown one fails. */
    private static Set<String> canonical(Set<String> names) {
        Set<String> known = new LinkedHashSet<>();
        for (String name : names) {
            known.add(TYPES.stream().filter(type -> type.equalsIgnoreCase(name.strip())).findFirst()
                    .orElseThrow(() -> new BadQuery("type: '" + name + "' is not an event type; the types are "
                            + String.join(", ", new TreeSet<>(TYPES)))));
        }
        return Set.copyOf(known);
    }
}
