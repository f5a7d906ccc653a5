package org.eventvfs.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The milliseconds a written time covers, {@code start} to {@code end} inclusive: an ISO instant
 * without fractions covers its whole second, a bare date its whole UTC day, so that "since" a
 * time takes its start and "until" or "at" it takes its end. Shared by the history folder's names
 * and the audit queries, so a time means the same everywhere.
 */
public record TimeSpan(long start, long end) {
    /** A time with colons swapped for dashes, the form Windows accepts in a file name. */
    private static final Pattern DASHED_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2})-(\\d{2})-(\\d{2}(?:\\.\\d{1,9})?Z)");
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})([smhd])");

    /** The span of an ISO instant, a dashed instant or a date; null if {@code text} is none of them. */
    public static TimeSpan parse(String text) {
        try {
            if (text.length() == 10) {
                long start = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                return new TimeSpan(start, start + 86_400_000L - 1);
            }
            var dashed = DASHED_TIME.matcher(text);
            String iso = dashed.matches() ? dashed.group(1) + ":" + dashed.group(2) + ":" + dashed.group(3) : text;
            long start = Instant.parse(iso).toEpochMilli();
            return new TimeSpan(start, start + (iso.contains(".") ? 0 : 999));
        } catch (DateTimeParseException | ArithmeticException notATime) {
            return null;
        }
    }

    /**
     * As {@link #parse(String)}, and also a time ago relative to {@code nowMillis}: {@code 90s},
     * {@code 30m}, {@code 2h}, {@code 3d}. Fails with {@link BadQuery} naming {@code parameter}.
     */
    public static TimeSpan parse(String parameter, String text, long nowMillis) {
        var relative = RELATIVE.matcher(text.strip());
        if (relative.matches()) {
            long unit = switch (relative.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            long time = nowMillis - Long.parseLong(relative.group(1)) * unit;
            return new TimeSpan(time, time);
        }
        TimeSpan span = parse(text.strip());
        if (span == null) {
            throw new BadQuery(parameter + ": '" + text + "' is not a time such as 2026-11-21T10:00:00Z, "
                    + "2026-11-21 or 2h (ago)");
        }
        return span;
    }
}
