package org.eventvfs.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eventvfs.Volume;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * The query parameters of the audit endpoints, as the HTTP API and the admin socket take them and
 * the CLI sends them: one reading, so a parameter means the same wherever it is given. Every
 * mistake fails with {@link BadQuery} naming the parameter.
 */
public final class AuditParameters {
    /** The parameters of a log query. */
    public static final Set<String> LOG = Set.of("path", "user", "protocol", "address", "type", "since", "until",
            "after", "limit");
    /** The parameters of a file's history, a tree listing and a download: a path as of a point in time. */
    public static final Set<String> PATH_AT = Set.of("path", "at");

    private final Volume volume;
    private final Map<String, List<String>> values;
    private final long now;

    /**
     * {@code values} by name, each in the order given; {@code nowMillis} is what times ago count from.
     * A null {@code volume} (the account stream) takes positions as they are written.
     */
    public AuditParameters(Volume volume, Map<String, List<String>> values, long nowMillis) {
        this.volume = volume;
        this.values = Map.copyOf(values);
        this.now = nowMillis;
    }

    /** Fails if a parameter outside {@code known} was given. */
    public AuditParameters allowOnly(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new BadQuery("unknown parameter '" + name + "'; this endpoint takes "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    /** The log query; {@code since} and {@code until} may also be positions ({@code @1234}). */
    public LogQuery log() {
        LogQuery query = LogQuery.all().withLimit((int) number("limit", LogQuery.DEFAULT_LIMIT, 1, LogQuery.MAX_LIMIT))
                .withUser(text("user")).withProtocol(text("protocol")).withAddress(text("address"))
                .withTypes(types());
        String path = text("path");
        if (path != null) {
            query = query.withPath(parsePath("path", path));
        }
        long after = number("after", 0, 0, Long.MAX_VALUE);
        long upTo = Volume.HEAD;
        Long since = null;
        Long until = null;
        String from = text("since");
        if (from != null && from.startsWith("@")) {
            after = Math.max(after, position("since", from) - 1);
        } else if (from != null) {
            since = TimeSpan.parse("since", from, now).start();
        }
        String to = text("until");
        if (to != null && to.startsWith("@")) {
            upTo = position("until", to);
        } else if (to != null) {
            until = TimeSpan.parse("until", to, now).end();
        }
        return query.withTimes(since, until).withPositions(after, upTo);
    }

    private long position(String name, String text) {
        if (volume != null) {
            return PointInTime.position(volume, name, text, now);
        }
        try {
            return Long.parseLong(text.substring(1));
        } catch (NumberFormatException e) {
            throw new BadQuery(name + ": '" + text + "' is not a position such as @12");
        }
    }

    /** The volume path {@code path}; required, or the root when absent if not. */
    public VfsPath path(boolean required) {
        String path = text("path");
        if (path == null) {
            if (required) {
                throw new BadQuery("path is required: a volume path such as /alice/report.pdf");
            }
            return VfsPath.root();
        }
        return parsePath("path", path);
    }

    /** The position {@code at} names ({@link PointInTime}), the head when absent. */
    public long at() {
        return PointInTime.position(volume, "at", text("at"), now);
    }

    /** A whole number from {@code least} to {@code most}, or {@code fallback} when absent. */
    public long number(String name, long fallback, long least, long most) {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the parameter's name.
        }
        throw new BadQuery(name + " must be a whole number from " + least + " to " + most + ", not '" + text + "'");
    }

    /** The parameter's value, or null if absent or empty; given twice it fails. */
    public String text(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw new BadQuery(name + " is given " + given.size() + " times; give it once");
        }
        return given.isEmpty() || given.getFirst().isEmpty() ? null : given.getFirst();
    }

    /** {@code type} may be repeated, and each may list several types separated by commas. */
    private Set<String> types() {
        Set<String> types = new HashSet<>();
        for (String value : values.getOrDefault("type", List.of())) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    types.add(name.strip());
                }
            }
        }
        return types;
    }

    private static VfsPath parsePath(String name, String text) {
        if (!text.startsWith("/")) {
            throw new BadQuery(name + " must be a volume path starting with /, not '" + text + "'");
        }
        try {
            return VfsPath.parse(text);
        } catch (VfsException.InvalidName e) {
            throw new BadQuery(name + ": " + e.getMessage());
        }
    }
}
