package org.eventvfs.storage.postgres;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.storage.postgres.SqlStep.Statement;

/** The rows of the {@code events}, {@code commands} and {@code stream_heads} tables an append writes. */
final class EventRows {
    static final Statement ADVANCE_HEAD = new Statement("SELECT advance_head($1, $2, $3, $4, $5)");
    static final Statement INSERT_EVENTS = new Statement("""
            INSERT INTO events (volume, position, event_id, command_id, type, schema_version, time, actor_user,
                                actor_protocol, actor_address, actor_session, actor_client, previous_hash, hash, json)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::uuid[], $5::text[], $6::integer[],
                                 $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                                 $13::bytea[], $14::bytea[], $15::text[])""",
            String.class, Long.class, UUID.class, UUID.class, String.class, Integer.class, OffsetDateTime.class,
            String.class, String.class, String.class, String.class, String.class, Buffer.class, Buffer.class,
            String.class);
    static final Statement INSERT_COMMANDS = new Statement("""
            INSERT INTO commands (volume, command_id, first_position, last_position)
            SELECT * FROM unnest($1::text[], $2::uuid[], $3::bigint[], $4::bigint[])""",
            String.class, UUID.class, Long.class, Long.class);

    private EventRows() {
    }

    /** Moves the head from {@code expectedHead} to the last event of {@code batches}. */
    static Tuple advanceHead(String stream, long expectedHead, List<EventBatch> batches) {
        EventEnvelope first = batches.getFirst().events().getFirst();
        EventEnvelope last = batches.getLast().events().getLast();
        return Tuple.of(stream, expectedHead, bytes(first.previousHash()), last.position(), bytes(last.hash()));
    }

    /** One row of {@link #INSERT_EVENTS}. */
    static Tuple event(EventEnvelope e, byte[] json) {
        return Tuple.from(new Object[] {e.stream(), e.position(), e.eventId(), e.commandId(), e.type(),
                e.schemaVersion(), time(e.timestamp()), e.actor().user(), e.actor().protocol(), e.actor().address(),
                e.actor().session(), e.actor().client(), bytes(e.previousHash()), bytes(e.hash()),
                new String(json, StandardCharsets.UTF_8)});
    }

    /** One row of {@link #INSERT_COMMANDS}. */
    static Tuple command(String stream, EventBatch batch) {
        return Tuple.of(stream, batch.commandId(), batch.firstPosition(), batch.lastPosition());
    }

    static Buffer bytes(Sha256 hash) {
        return Buffer.buffer(hash.toBytes());
    }

    static OffsetDateTime time(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
