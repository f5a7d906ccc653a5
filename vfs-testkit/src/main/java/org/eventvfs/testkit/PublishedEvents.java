package org.eventvfs.testkit;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import org.eventvfs.Vfs;
import org.eventvfs.domain.EventEnvelope;

/** Records the events a volume publishes on the event bus, for tests that check what they carry. */
public final class PublishedEvents {
    private final List<EventEnvelope> events = Collections.synchronizedList(new ArrayList<>());
    private final LongSupplier durablePosition;

    /** @param durablePosition the volume's newest durable position, to know when all have arrived */
    public PublishedEvents(Vertx vertx, String volume, LongSupplier durablePosition) {
        this.durablePosition = durablePosition;
        vertx.eventBus().<EventEnvelope>consumer(Vfs.eventsAddress(volume), message -> events.add(message.body()));
    }

    /**
     * Every event published so far, in order. Events are published before a command is answered
     * but reach a consumer asynchronously: this waits until every durable one has arrived.
     */
    public List<EventEnvelope> all() {
        long position = durablePosition.getAsLong();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            synchronized (events) {
                boolean caughtUp = events.isEmpty() ? position == 0 : events.getLast().position() >= position;
                if (caughtUp || System.nanoTime() > deadline) {
                    return List.copyOf(events);
                }
            }
            Thread.onSpinWait();
        }
    }
}
