package org.eventvfs.domain;

/** What an event says happened; the {@link EventEnvelope} says who, when and where in the log. */
public sealed interface EventPayload permits VolumeEvent, AccountEvent {
}
