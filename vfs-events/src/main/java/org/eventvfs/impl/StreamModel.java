package org.eventvfs.impl;

import java.util.List;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventPayload;

/**
 * What a {@link StreamWriter} needs of a stream's state: decide a command against everything
 * applied so far, apply events speculatively, and make them visible or forget them once the
 * append is known to be durable or lost.
 */
interface StreamModel<C, E extends EventPayload> {
    /** The events for a command, decided against every applied event; throws VfsException to refuse. */
    List<E> decide(C command, Actor actor, long now);

    /** Applies an event decided or read at {@code position}, written at {@code time}. */
    void apply(long position, long time, E event);

    void markDurable(long position);

    void rollback();
}
