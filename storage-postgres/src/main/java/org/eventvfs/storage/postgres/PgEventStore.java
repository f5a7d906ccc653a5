package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ObjLongConsumer;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.migrations.PostgresUri;
import org.eventvfs.spi.AppendConflict;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * The event store on PostgreSQL (see docs/postgresql.md). Each append is one transaction that
 * moves the stream's head with one guarded statement, inserts the events and commands, and updates
 * the tree tables derived from them, so a reader sees a whole append or none of it, and the tree can
 * be queried with SQL. Appends to one stream are sent in call order and grouped while they wait
 * ({@link StreamAppends}).
 */
public final class PgEventStore implements EventStore {
    static final String CONFLICT_STATE = "EV409";
    private static final String HEAD = "SELECT position, hash FROM stream_heads WHERE volume = $1";
    private static final String STREAMS = "SELECT volume FROM stream_heads WHERE position > 0";
    /**
     * The stream's share of the events table on disk (heap, TOAST and indexes), by its count of
     * events: two catalog look-ups and the small heads table, never a scan of the events.
     */
    private static final String SIZE = "SELECT coalesce(pg_total_relation_size('events') * h.position"
            + " / nullif((SELECT sum(position) FROM stream_heads), 0), 0)::bigint"
            + " FROM stream_heads h WHERE h.volume = $1";
    private static final String READ =
            "SELECT json FROM events WHERE volume = $1 AND position >= $2 ORDER BY position LIMIT $3";

    private final PostgresUri database;
    private final Vertx vertx;
    private final Pool pool;
    private final List<PgSubscriber> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, StreamAppends> appends = new ConcurrentHashMap<>();
    private volatile boolean closed;

    PgEventStore(PostgresUri database, Vertx vertx, Pool pool) {
        this.database = database;
        this.vertx = vertx;
        this.pool = pool;
    }

    /** The tree tables of this database, for reads with SQL. */
    public TreeTables tree() {
        return new TreeTables(pool);
    }

    /** The database, for messages. */
    public PostgresUri database() {
        return database;
    }

    @Override
    public Future<List<String>> streams() {
        return usable().compose(ok -> pool.query(STREAMS).execute()).map(rows -> {
            List<String> streams = new ArrayList<>();
            rows.forEach(row -> streams.add(row.getString(0)));
            streams.sort(null);
            return streams;
        }).recover(this::unavailable);
    }

    @Override
    public Future<StreamHead> head(String stream) {
        return usable().compose(ok -> pool.preparedQuery(HEAD).execute(Tuple.of(stream))).map(rows -> {
            if (rows.size() == 0) {
                return StreamHead.EMPTY;
            }
            Row row = rows.iterator().next();
            return new StreamHead(row.getLong(0), Sha256.of(row.getBuffer(1).getBytes()));
        }).recover(this::unavailable);
    }

    /**
     * An estimate: the stream's share, by its number of events, of what the {@code events} table
     * takes on disk with its TOAST and indexes. Exact for a database of one stream; events of
     * different sizes in different streams shift it. Counting each stream's bytes exactly would
     * read every event of it.
     */
    @Override
    public Future<Long> size(String stream) {
        return usable().compose(ok -> pool.preparedQuery(SIZE).execute(Tuple.of(stream)))
                .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong(0))
                .recover(this::unavailable);
    }

    @Override
    public Future<Void> append(String stream, long expectedHead, List<EventBatch> batches) {
        if (batches.isEmpty()) {
            return requireHead(stream, expectedHead, null);
        }
        try {
            BatchCheck.requireContinues(stream, expectedHead, batches);
        } catch (IllegalArgumentException e) {
            return requireHead(stream, expectedHead, e);
        }
        return appends.computeIfAbsent(stream, s -> new StreamAppends(s, pool,
                failure -> expected -> appendFailure(s, expected, failure))).submit(expectedHead, batches);
    }

    /** Fails with {@link AppendConflict} if the head is not {@code expected}, else with {@code otherwise} if any. */
    private Future<Void> requireHead(String stream, long expected, RuntimeException otherwise) {
        return head(stream).compose(head -> head.position() != expected
                ? Future.failedFuture(new AppendConflict(stream, expected, head.position()))
                : otherwise != null ? Future.failedFuture(otherwise) : Future.succeededFuture());
    }

    @Override
    public Future<List<EventEnvelope>> read(String stream, long fromPosition, int maxEvents) {
        if (maxEvents < 1) {
            return Future.failedFuture(new IllegalArgumentException("maxEvents must be positive, not " + maxEvents));
        }
        return usable().compose(ok -> pool.preparedQuery(READ).execute(Tuple.of(stream, fromPosition, maxEvents)))
                .map(rows -> {
                    List<EventEnvelope> events = new ArrayList<>(rows.size());
                    rows.forEach(row -> events.add(EventCodec.decode(row.getString(0).getBytes(StandardCharsets.UTF_8))));
                    return events;
                }).recover(this::unavailable);
    }

    /**
     * Listens to the notices of appends, on a connection of its own (see {@link AppendNotices}),
     * until the store is closed.
     */
    @Override
    public Future<Void> watch(ObjLongConsumer<String> moved) {
        ObjLongConsumer<String> whileOpen = (stream, position) -> {
            if (!closed) {
                moved.accept(stream, position);
            }
        };
        return usable().compose(ok -> AppendNotices.listen(vertx, PgEventStoreProvider.connectOptions(database),
                whileOpen)).map(subscriber -> {
                    listeners.add(subscriber);
                    if (closed) {
                        subscriber.close();
                    }
                    return (Void) null;
                }).recover(this::unavailable);
    }

    @Override
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        // Not waited for: a listener that is connecting again may answer its close only once it
        // has connected, which it never will if the server is gone.
        listeners.forEach(PgSubscriber::close);
        return pool.close();
    }

    private Throwable appendFailure(String stream, long expectedHead, Throwable e) {
        if (e instanceof PgException pg && CONFLICT_STATE.equals(pg.getSqlState())) {
            long actual = Long.parseLong(pg.getDetail());
            return actual != expectedHead ? new AppendConflict(stream, expectedHead, actual)
                    : new IllegalArgumentException("cannot append to stream " + stream + ": the event for position "
                            + (actual + 1) + " does not chain to the hash of position " + actual);
        }
        if (e instanceof IllegalArgumentException || e instanceof VfsException) {
            return e;
        }
        return new VfsException.Unavailable("PostgreSQL at " + database.display() + " did not take the append to "
                + stream + " (nothing of it is applied unless a read shows it): " + e.getMessage(), e);
    }

    private <T> Future<T> unavailable(Throwable e) {
        if (e instanceof IllegalStateException || e instanceof VfsException) {
            return Future.failedFuture(e);
        }
        return Future.failedFuture(new VfsException.Unavailable("PostgreSQL at " + database.display()
                + " cannot be read: " + e.getMessage(), e));
    }

    private Future<Void> usable() {
        return closed ? Future.failedFuture(new IllegalStateException("the event store on " + database.display()
                + " is closed")) : Future.succeededFuture();
    }
}
