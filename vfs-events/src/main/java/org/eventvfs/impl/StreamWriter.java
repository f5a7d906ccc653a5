package org.eventvfs.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.eventvfs.Vfs;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only appender of one stream. Commands queue on the writer's Vert.x context; while one
 * append is in flight the next ones wait, and when it ends they are decided one after another
 * (each on top of the previous ones, applied speculatively) and appended together: group commit,
 * one durable write for many commands. Only when the append is durable are the events made
 * visible, published on the event bus and the commands answered. If it fails, everything it
 * carried is rolled back and each of its commands fails: nothing half-applied is ever seen.
 */
final class StreamWriter<C, E extends EventPayload> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWriter.class);
    static final int MAX_COMMANDS_PER_APPEND = 1024;

    private final String stream;
    private final EventStore store;
    private final StreamModel<C, E> model;
    private final Context context;
    private final EventBus eventBus;
    private final LongSupplier clock;
    private final CommandWindow window;
    private final ArrayDeque<Pending<C>> queue = new ArrayDeque<>();
    private volatile StreamHead durableHead;
    private boolean appending;

    StreamWriter(String stream, EventStore store, StreamModel<C, E> model, Context context, EventBus eventBus,
                 LongSupplier clock, CommandWindow window, StreamHead head) {
        this.stream = stream;
        this.store = store;
        this.model = model;
        this.context = context;
        this.eventBus = eventBus;
        this.clock = clock;
        this.window = window;
        this.durableHead = head;
    }

    /** Queues a command; the future completes once its events are durable and visible. */
    Future<Committed> submit(UUID commandId, C command, Actor actor) {
        Promise<Committed> promise = Promise.promise();
        context.runOnContext(v -> {
            queue.add(new Pending<>(commandId, command, actor, promise));
            drain();
        });
        return promise.future();
    }

    StreamHead durableHead() {
        return durableHead;
    }

    CommandWindow window() {
        return window;
    }

    private void drain() {
        if (appending || queue.isEmpty()) {
            return;
        }
        Batch batch = new Batch();
        try {
            decideQueued(batch);
        } catch (RuntimeException applyFailed) {
            abort(batch, applyFailed);
            context.runOnContext(v -> drain());
            return;
        }
        if (batch.appends.isEmpty()) {
            batch.decided.forEach(d -> d.pending.promise.complete(d.result(false)));
            context.runOnContext(v -> drain());
            return;
        }
        appending = true;
        store.append(stream, durableHead.position(), batch.appends)
                .onComplete(ar -> context.runOnContext(v -> {
                    appending = false;
                    if (ar.succeeded()) {
                        commit(batch);
                    } else {
                        abort(batch, ar.cause());
                    }
                    drain();
                }));
    }

    /**
     * Decides queued commands into {@code batch}. Throws only if applying decided events fails,
     * which leaves the projection half-changed: the caller must then abort the whole batch.
     */
    private void decideQueued(Batch batch) {
        StreamHead head = durableHead;
        while (!queue.isEmpty() && batch.decided.size() < MAX_COMMANDS_PER_APPEND) {
            Pending<C> p = queue.poll();
            Long earlier = window.lastPositionOf(p.commandId);
            Decided inBatch = batch.byCommand.get(p.commandId);
            if (earlier != null) {
                p.promise.complete(new Committed(earlier, earlier, List.of(), true));
            } else if (inBatch != null) {
                inBatch.repeats.add(p.promise);
            } else {
                head = decide(p, head, batch);
            }
        }
        batch.head = head;
    }

    private StreamHead decide(Pending<C> p, StreamHead head, Batch batch) {
        long now = clock.getAsLong();
        List<E> events;
        try {
            events = model.decide(p.command, p.actor, now);
        } catch (VfsException refused) {
            p.promise.fail(refused);
            return head;
        } catch (RuntimeException bug) {
            LOG.error("stream {}: deciding {} failed", stream, p.command, bug);
            p.promise.fail(bug);
            return head;
        }
        List<EventEnvelope> sealed = new ArrayList<>(events.size());
        Decided d = new Decided(p, sealed, head.position());
        batch.decided.add(d);
        batch.byCommand.put(p.commandId, d);
        long position = head.position();
        var hash = head.hash();
        for (E event : events) {
            EventEnvelope envelope = EventCodec.seal(stream, ++position, p.commandId, now, p.actor, hash, event);
            model.apply(position, event);
            sealed.add(envelope);
            hash = envelope.hash();
        }
        if (!sealed.isEmpty()) {
            batch.appends.add(new EventBatch(p.commandId, sealed));
        }
        return new StreamHead(position, hash);
    }

    private void commit(Batch batch) {
        durableHead = batch.head;
        model.markDurable(batch.head.position());
        for (Decided d : batch.decided) {
            if (!d.events.isEmpty()) {
                window.record(d.pending.commandId, d.events.getLast().position());
            }
        }
        String address = Vfs.eventsAddress(stream);
        for (EventBatch appended : batch.appends) {
            appended.events().forEach(e -> eventBus.publish(address, e));
        }
        for (Decided d : batch.decided) {
            d.pending.promise.complete(d.result(false));
            d.repeats.forEach(r -> r.complete(d.result(true)));
        }
    }

    private void abort(Batch batch, Throwable cause) {
        LOG.error("stream {}: appending {} command(s) failed; none was applied", stream, batch.decided.size(), cause);
        model.rollback();
        VfsException failure = new VfsException.Unavailable(
                "the event log of " + stream + " could not be written: " + cause.getMessage(), cause);
        for (Decided d : batch.decided) {
            d.pending.promise.fail(failure);
            d.repeats.forEach(r -> r.fail(failure));
        }
    }

    private record Pending<C>(UUID commandId, C command, Actor actor, Promise<Committed> promise) {
    }

    private final class Decided {
        final Pending<C> pending;
        final List<EventEnvelope> events;
        final long decidedAt;
        final List<Promise<Committed>> repeats = new ArrayList<>(0);

        Decided(Pending<C> pending, List<EventEnvelope> events, long decidedAt) {
            this.pending = pending;
            this.events = events;
            this.decidedAt = decidedAt;
        }

        Committed result(boolean repeated) {
            if (events.isEmpty()) {
                return new Committed(decidedAt, decidedAt, List.of(), repeated);
            }
            return new Committed(events.getFirst().position(), events.getLast().position(),
                    repeated ? List.of() : events, repeated);
        }
    }

    private final class Batch {
        final List<Decided> decided = new ArrayList<>();
        final Map<UUID, Decided> byCommand = new HashMap<>();
        final List<EventBatch> appends = new ArrayList<>();
        StreamHead head;
    }
}
