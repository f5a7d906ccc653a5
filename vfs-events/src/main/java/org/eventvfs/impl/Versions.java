package org.eventvfs.impl;

/**
 * The history of one value as an immutable chain, newest first: {@code value} holds from position
 * {@code from} until the next newer link. A null value means "absent from then on". Readers walk
 * it without locks while the single writer pushes new heads.
 */
record Versions<T>(long from, T value, Versions<T> older) {

    /** The value as of {@code position}, or null if absent then. */
    T at(long position) {
        Versions<T> v = this;
        while (v != null && v.from > position) {
            v = v.older;
        }
        return v == null ? null : v.value;
    }

    /** This chain without the links newer than {@code position}; null if nothing is left. */
    Versions<T> upTo(long position) {
        Versions<T> v = this;
        while (v != null && v.from > position) {
            v = v.older;
        }
        return v;
    }

    /** Number of links, for statistics and tests. */
    int length() {
        int n = 0;
        for (Versions<T> v = this; v != null; v = v.older) {
            n++;
        }
        return n;
    }
}
