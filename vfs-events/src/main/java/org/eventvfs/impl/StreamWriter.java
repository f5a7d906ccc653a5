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
import org.eventvfs.VfsStats;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.AppendConflict;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only appender of one stream (see {@code docs/writer.md}). Commands queue on the writer's
 * Vert.x context and are decided in groups, each on top of the previous ones, which the
 * projection applies speculatively; each group is appended as one durable write (group commit).
 * Up to {@link #MAX_APPENDS_IN_FLIGHT} appends are in flight, so the next group fills while the
 * previous one is being made durable. Only a durable group becomes visible, is published on the
 * event bus and answered. When an append fails, every speculative change is rolled back, every
 * group in flight fails, and the writer catches up with whatever the store did keep before it
 * takes new commands: nothing half-applied is ever seen, and a retry with the same command id is
 * never applied twice.
 */
final class StreamWriter<C, E extends EventPayload> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamWriter.class);
    static final int MAX_COMMANDS_PER_APPEND = 1024;
    static final int MAX_APPENDS_IN_FLIGHT = 4;
    /** How often one command is decided again after another writer appended first. */
    static final int MAX_CONFLICTS_PER_COMMAND = 8;

    private final String stream;
    private final EventStore store;
    private final StreamModel<C, E> model;
    private final Context context;
    private final EventBus eventBus;
    private final LongSupplier clock;
    private final CommandWindow window;
    private final VfsStats stats;
    private final ArrayDeque<Pending<C>> queue = new ArrayDeque<>();
    private final ArrayDeque<Batch> inFlight = new ArrayDeque<>();
    /** Commands to decide again once the catch-up is done, in their order. */
    private final List<Pending<C>> retry = new ArrayList<>();
    private volatile StreamHead durableHead;
    private StreamHead decidedHead;
    private boolean recovering;
    /** The recovery began with another writer's append: nothing in flight was written. */
    private boolean conflicted;
    /** The catch-up under way follows a failed append, rather than another process's appends. */
    private boolean afterFailure;
    /** Another process appended past the durable head: catch up once no append is in flight. */
    private boolean behind;
    /** The store is being closed: no more catching up. */
    private volatile boolean stopped;

    StreamWriter(String stream, EventStore store, StreamModel<C, E> model, Context context, EventBus eventBus,
                 LongSupplier clock, CommandWindow window, StreamHead head, VfsStats stats) {
        this.stream = stream;
        this.store = store;
        this.model = model;
        this.context = context;
        this.eventBus = eventBus;
        this.clock = clock;
        this.window = window;
        this.stats = stats;
        this.durableHead = head;
        this.decidedHead = head;
    }

    /** Queues a command; the future completes once its events are durable and visible. */
    Future<Committed> submit(UUID commandId, C command, Actor actor) {
        Promise<Committed> promise = Promise.promise();
        context.runOnContext(v -> {
            queue.add(new Pending<>(commandId, command, actor, promise, 0));
            drain();
        });
        return promise.future();
    }

    /**
     * Another process appended up to {@code position} (-1: perhaps): once no append of this writer
     * is in flight, reads and applies everything past the durable head, so reads on this node see
     * it and the next command is decided on it.
     */
    void follow(long position) {
        context.runOnContext(v -> {
            if (position < 0 || position > durableHead.position()) {
                behind = true;
                catchUpIfIdle();
            }
        });
    }

    /** Stops following other processes and retrying reads, before the store is closed. */
    void stop() {
        stopped = true;
    }

    private void catchUpIfIdle() {
        if (behind && !stopped && !recovering && inFlight.isEmpty()) {
            behind = false;
            recovering = true;
            catchUp();
        }
    }

    StreamHead durableHead() {
        return durableHead;
    }

    CommandWindow window() {
        return window;
    }

    private void drain() {
        while (!recovering && !queue.isEmpty() && inFlight.size() < MAX_APPENDS_IN_FLIGHT) {
            Batch batch = new Batch(decidedHead);
            try {
                decideQueued(batch);
            } catch (RuntimeException applyFailed) {
                fail(batch, applyFailed);
                recover(applyFailed);
                if (inFlight.isEmpty()) {
                    // No append will end to start the catch-up: start it here, or the writer stalls.
                    catchUp();
                }
                return;
            }
            decidedHead = batch.head;
            inFlight.addLast(batch);
            Future<Void> appended = batch.appends.isEmpty() ? Future.succeededFuture()
                    : store.append(stream, batch.expectedHead.position(), batch.appends);
            appended.onFailure(this::countStoreFailure)
                    .onComplete(ar -> context.runOnContext(v -> finished(batch, ar.cause())));
        }
    }

    /** Another writer appending first is how sharing a stream works, not a failure of the store. */
    private void countStoreFailure(Throwable failure) {
        if (!(failure instanceof AppendConflict)) {
            stats.storeFailed();
        }
    }

    /** Appends complete in order; a batch with nothing to append waits for those before it. */
    private void finished(Batch batch, Throwable failure) {
        batch.done = true;
        batch.failure = failure;
        while (!inFlight.isEmpty() && inFlight.peekFirst().done) {
            Batch first = inFlight.pollFirst();
            if (first.failure == null && !recovering) {
                commit(first);
            } else {
                recover(first.failure);
                fail(first, first.failure != null ? first.failure : new IllegalStateException("an earlier append failed"));
            }
        }
        if (recovering && inFlight.isEmpty()) {
            catchUp();
        } else {
            catchUpIfIdle();
            drain();
        }
    }

    /**
     * Decides queued commands into {@code batch}. Throws only if applying decided events fails,
     * which leaves the projection half-changed: the caller must then fail the whole batch.
     */
    private void decideQueued(Batch batch) {
        StreamHead head = batch.expectedHead;
        while (!queue.isEmpty() && batch.decided.size() < MAX_COMMANDS_PER_APPEND) {
            Pending<C> p = queue.poll();
            Long earlier = window.lastPositionOf(p.commandId);
            Decided repeatOf = findDecided(p.commandId);
            if (earlier != null) {
                p.promise.complete(new Committed(earlier, earlier, List.of(), true));
            } else if (repeatOf != null) {
                repeatOf.repeats.add(p.promise);
            } else {
                head = decide(p, head, batch);
            }
        }
        batch.head = head;
    }

    private Decided findDecided(UUID commandId) {
        for (Batch b : inFlight) {
            Decided d = b.byCommand.get(commandId);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private StreamHead decide(Pending<C> p, StreamHead head, Batch batch) {
        long now = clock.getAsLong();
        List<E> events;
        try {
            events = model.decide(p.command, p.actor, now);
        } catch (VfsException refusal) {
            // What the refusal rests on may not be durable yet: answering now would let the client
            // read a state that contradicts it ("exists" for a directory a reader cannot see).
            batch.refused.add(new Refused<>(p, refusal));
            return head;
        } catch (RuntimeException bug) {
            LOG.error("stream {}: deciding {} failed", stream, p.command, bug);
            p.promise.fail(bug);
            return head;
        }
        List<EventEnvelope> sealed = new ArrayList<>(events.size());
        List<byte[]> json = new ArrayList<>(events.size());
        Decided d = new Decided(p, sealed, head.position());
        batch.decided.add(d);
        batch.byCommand.put(p.commandId, d);
        long position = head.position();
        Sha256 hash = head.hash();
        for (E event : events) {
            EventCodec.Sealed envelope = EventCodec.sealEncoded(stream, ++position, p.commandId, now, p.actor, hash,
                    event);
            model.apply(position, now, event);
            sealed.add(envelope.envelope());
            json.add(envelope.json());
            hash = envelope.envelope().hash();
        }
        if (!sealed.isEmpty()) {
            batch.appends.add(new EventBatch(p.commandId, sealed, json));
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
        for (EventBatch appended : batch.appends) {
            publish(appended.events());
        }
        for (Decided d : batch.decided) {
            d.pending.promise.complete(d.result(false));
            d.repeats.forEach(r -> r.complete(d.result(true)));
        }
        batch.refused.forEach(r -> r.pending.promise.fail(r.refusal));
    }

    private void publish(List<EventEnvelope> events) {
        String address = Vfs.eventsAddress(stream);
        events.forEach(e -> eventBus.publish(address, e));
    }

    private void fail(Batch batch, Throwable cause) {
        VfsException failure = new VfsException.Unavailable(
                "the event log of " + stream + " could not be written: " + cause.getMessage(), cause);
        for (Decided d : batch.decided) {
            if (conflicted && d.pending.conflicts < MAX_CONFLICTS_PER_COMMAND) {
                // Another writer appended first and this one wrote nothing: decide it again on its state.
                d.repeats.forEach(r -> d.pending.promise.future().onComplete(ar -> r.handle(ar.map(
                        c -> new Committed(c.firstPosition(), c.lastPosition(), List.of(), true)))));
                retry.add(d.pending.again());
            } else {
                d.pending.promise.fail(failure);
                d.repeats.forEach(r -> r.fail(failure));
            }
        }
        // Their refusals may rest on what was just taken back: decide them again after the catch-up.
        batch.refused.forEach(r -> retry.add(r.pending));
    }

    /** Takes back every speculative change; the appends still in flight will be failed as they end. */
    private void recover(Throwable cause) {
        if (recovering) {
            return;
        }
        conflicted = cause instanceof AppendConflict;
        if (conflicted) {
            LOG.info("stream {}: another writer appended first; reading its events, then deciding again", stream);
        } else {
            LOG.error("stream {}: an append failed; every command in flight fails and none is applied", stream, cause);
        }
        recovering = true;
        afterFailure = true;
        model.rollback();
        decidedHead = durableHead;
    }

    /**
     * Reads back what the store holds past the durable head (a failed append may still have been
     * written, e.g. when only its acknowledgement was lost) and applies it, then takes commands again.
     */
    @SuppressWarnings("unchecked")
    private void catchUp() {
        StreamReplay.replay(store, stream, durableHead, page -> context.runOnContext(v -> {
            for (EventEnvelope e : page) {
                model.apply(e.position(), e.timestamp(), (E) e.payload());
                window.record(e.commandId(), e.position());
            }
            EventEnvelope last = page.getLast();
            durableHead = new StreamHead(last.position(), last.hash());
            model.markDurable(last.position());
            publish(page);
        })).onComplete(ar -> context.runOnContext(v -> {
            if (ar.failed() && stopped) {
                return;
            }
            if (ar.failed()) {
                stats.storeFailed();
                LOG.error("stream {}: cannot read the log past position {}; retrying in 1 s", stream,
                        durableHead.position(), ar.cause());
                context.owner().setTimer(1000, id -> catchUp());
                return;
            }
            decidedHead = durableHead;
            recovering = false;
            conflicted = false;
            for (int i = retry.size() - 1; i >= 0; i--) {
                queue.addFirst(retry.get(i));
            }
            retry.clear();
            if (afterFailure) {
                LOG.info("stream {}: writing again from position {}", stream, durableHead.position());
            }
            afterFailure = false;
            catchUpIfIdle();
            drain();
        }));
    }

    private record Pending<C>(UUID commandId, C command, Actor actor, Promise<Committed> promise, int conflicts) {
        /** The same command, to decide again after a conflict. */
        Pending<C> again() {
            return new Pending<>(commandId, command, actor, promise, conflicts + 1);
        }
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

    private record Refused<C>(Pending<C> pending, VfsException refusal) {
    }

    private final class Batch {
        final StreamHead expectedHead;
        final List<Decided> decided = new ArrayList<>();
        final Map<UUID, Decided> byCommand = new HashMap<>();
        final List<EventBatch> appends = new ArrayList<>();
        /** Commands refused against this batch's speculative state, answered once that state is durable. */
        final List<Refused<C>> refused = new ArrayList<>();
        StreamHead head;
        boolean done;
        Throwable failure;

        Batch(StreamHead expectedHead) {
            this.expectedHead = expectedHead;
            this.head = expectedHead;
        }
    }
}
