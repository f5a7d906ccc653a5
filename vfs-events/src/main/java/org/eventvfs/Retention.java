package org.eventvfs;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the content of a superseded revision (replaced by newer content, or removed) stays
 * referenced for the garbage collector. The events stay whatever the policy; current content is
 * always kept.
 *
 * @param keepContent how long after it is superseded a revision keeps its content; null keeps it for ever
 */
public record Retention(Duration keepContent) {
    /** Every revision keeps its content: nothing referenced by any event is ever collected. */
    public static final Retention KEEP_ALL = new Retention(null);

    public Retention {
        if (keepContent != null && keepContent.isNegative()) {
            throw new IllegalArgumentException("content cannot be kept for a negative time: " + keepContent);
        }
    }

    public static Retention days(long days) {
        return new Retention(Duration.ofDays(days));
    }

    public boolean keepsAll() {
        return keepContent == null;
    }

    /** Revisions superseded before this instant have lost their content; null if none have. */
    public Instant cutoff(Instant now) {
        return keepsAll() ? null : now.minus(keepContent);
    }
}
