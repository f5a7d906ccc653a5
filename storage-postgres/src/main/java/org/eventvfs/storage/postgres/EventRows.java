package org.eventvfs.storage.postgres;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.EventBatch;

/** The rows of the {@code events}, {@code commands} and {@code stream_heads} tables an append writes. */
final class EventRows {
    static final String ADVANCE_HEAD = "SELECT advance_head($1, $2, $3, $4, $5)";
    static final String INSERT_EVENT = """
            INSERT INTO events (volume, position, event_id, command_id, type, schema_version, time, actor_user,
                                actor_protocol, actor_address, actor_session, actor_client, previous_hash, hash, json)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""";
    static final String INSERT_COMMAND = """
            INSERT INTO commands (volume, command_id, first_position, last_position) VALUES ($1, $2, $3, $4)""";

    private EventRows() {
    }

    /** Moves the head from {@code expectedHead} to the last event of {@code batches}. */
    static Tuple advanceHead(String stream, long expectedHead, List<EventBatch> batches) {
        EventEnvelope first = batches.getFirst().events().getFirst();
        EventEnvelope last = batches.getLast().events().getLast();
        return Tuple.of(stream, expectedHead, bytes(first.previousHash()), last.position(), bytes(last.hash()));
    }

    static Tuple event(EventEnvelope e, byte[] json) {
        return Tuple.from(new Object[] {e.stream(), e.position(), e.eventId(), e.commandId(), e.type(),
                e.schemaVersion(), time(e.timestamp()), e.actor().user(), e.actor().protocol(), e.actor().address(),
                e.actor().session(), e.actor().client(), bytes(e.previousHash()), bytes(e.hash()),
                new String(json, StandardCharsets.UTF_8)});
    }

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
