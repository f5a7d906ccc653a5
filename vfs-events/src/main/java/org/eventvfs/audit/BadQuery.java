package org.eventvfs.audit;

/** A query parameter that cannot be read: its message names the parameter and what it should be. */
public final class BadQuery extends IllegalArgumentException {
    public BadQuery(String message) {
        super(message);
    }
}
