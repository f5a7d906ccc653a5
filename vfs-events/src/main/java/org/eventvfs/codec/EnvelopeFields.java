package org.eventvfs.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.Sha256;

/**
 * The fields of one stored envelope, read in a single pass over the JSON. The payload is kept as
 * tokens until the type is known: sorted keys put {@code payload} before {@code type}.
 */
final class EnvelopeFields {
    private static final ObjectReader ACTOR = EventCodec.mapper().readerFor(Actor.class);
    private static final Map<Class<?>, ObjectReader> PAYLOADS = new ConcurrentHashMap<>();

    private String stream;
    private long position;
    private UUID eventId;
    private UUID commandId;
    private String type;
    private int schemaVersion = -1;
    private long timestamp;
    private Actor actor;
    private Sha256 previousHash;
    private Sha256 hash;
    private TokenBuffer payload;

    static EnvelopeFields read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("an event is a JSON object");
        }
        EnvelopeFields fields = new EnvelopeFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.take(name, parser);
        }
        return fields;
    }

    private void take(String name, JsonParser parser) throws IOException {
        switch (name) {
            case "stream" -> stream = parser.getValueAsString();
            case "position" -> position = parser.getLongValue();
            case "eventId" -> eventId = UUID.fromString(parser.getValueAsString());
            case "commandId" -> commandId = UUID.fromString(parser.getValueAsString());
            case "type" -> type = parser.getValueAsString();
            case "schemaVersion" -> schemaVersion = parser.getIntValue();
            case "timestamp" -> timestamp = parser.getLongValue();
            case "actor" -> actor = ACTOR.readValue(parser);
            case "previousHash" -> previousHash = Sha256.parse(parser.getValueAsString());
            case "hash" -> hash = parser.currentToken() == JsonToken.VALUE_NULL ? null
                    : Sha256.parse(parser.getValueAsString());
            case "payload" -> {
                payload = new TokenBuffer(parser);
                payload.copyCurrentStructure(parser);
            }
            default -> throw new IOException("unknown event field '" + name + "'");
        }
    }

    EventEnvelope toEnvelope() throws IOException {
        if (type == null || stream == null || eventId == null || commandId == null || actor == null
                || previousHash == null || payload == null) {
            throw new IOException("an event field is missing");
        }
        if (schemaVersion != EventTypes.CURRENT_VERSION) {
            throw new IllegalArgumentException("event type " + type + " has no schema version " + schemaVersion);
        }
        Class<? extends EventPayload> payloadType = EventTypes.classOf(type);
        ObjectReader reader = PAYLOADS.computeIfAbsent(payloadType, t -> EventCodec.mapper().readerFor(t));
        try (JsonParser tokens = payload.asParser()) {
            EventPayload value = reader.readValue(tokens);
            return new EventEnvelope(stream, position, eventId, commandId, type, schemaVersion, timestamp, actor,
                    previousHash, hash, value);
        }
    }
}
