package org.eventvfs.impl;

/**
 * The history of one value as an immutable chain, newest first: {@code value} holds from position
 * {@code from} until the next newer link. A null value means "absent from then on". Readers walk
 * it without locks while the single writer pushes new heads.
 *
 * <p>Each link also keeps a jump pointer further back (Myers' applicative random-access stack,
 * the skew-binary rule), so finding the value as of a position deep in a long history takes
 * O(log n) steps instead of one per newer version: a file rewritten a million times is read as
 * of its first revision about as fast as at the head.
 */
final class Versions<T> {
    private final long from;
    private final T value;
    private final Versions<T> older;
    /** Links from the oldest one, which is 0. */
    private final int depth;
    /** An older link (this one for the oldest), at most twice as far back as the last jump. */
    private final Versions<T> jump;

    Versions(long from, T value, Versions<T> older) {
        this.from = from;
        this.value = value;
        this.older = older;
        if (older == null) {
            this.depth = 0;
            this.jump = this;
        } else {
            this.depth = older.depth + 1;
            Versions<T> j = older.jump;
            this.jump = older.depth - j.depth == j.depth - j.jump.depth ? j.jump : older;
        }
    }

    long from() {
        return from;
    }

    T value() {
        return value;
    }

    Versions<T> older() {
        return older;
    }

    /** The value as of {@code position}, or null if absent then. */
    T at(long position) {
        Versions<T> v = upTo(position);
        return v == null ? null : v.value;
    }

    /** This chain without the links newer than {@code position}; null if nothing is left. */
    Versions<T> upTo(long position) {
        Versions<T> v = this;
        while (v.from > position) {
            if (v.older == null) {
                return null;
            }
            // Every link between v and its jump is newer than the jump, so all start after position too.
            v = v.jump.from > position && v.jump != v ? v.jump : v.older;
        }
        return v;
    }

    /** Number of links, for statistics and tests. */
    int length() {
        return depth + 1;
    }
}
