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
    private Class<? extends EventPayload> knownType;
    private EventPayload payloadValue;

    /** The fields of {@code json}; {@code knownType} (or null) lets the payload be read in place. */
    static EnvelopeFields read(JsonParser parser, Class<? extends EventPayload> knownType) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("an event is a JSON object");
        }
        EnvelopeFields fields = new EnvelopeFields();
        fields.knownType = knownType;
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
                if (knownType != null) {
                    payloadValue = reader(knownType).readValue(parser);
                } else {
                    payload = new TokenBuffer(parser);
                    payload.copyCurrentStructure(parser);
                }
            }
            default -> throw new IOException("unknown event field '" + name + "'");
        }
    }

    EventEnvelope toEnvelope() throws IOException {
        if (type == null || stream == null || eventId == null || commandId == null || actor == null
                || previousHash == null || (payload == null && payloadValue == null)) {
            throw new IOException("an event field is missing");
        }
        if (schemaVersion != EventTypes.CURRENT_VERSION) {
            throw new IllegalArgumentException("event type " + type + " has no schema version " + schemaVersion);
        }
        Class<? extends EventPayload> payloadType = EventTypes.classOf(type);
        if (payloadValue != null && payloadType == knownType) {
            return envelope(payloadValue);
        }
        if (payload == null) {
            throw new IOException("the payload was read as " + knownType.getSimpleName() + " but the type is " + type);
        }
        try (JsonParser tokens = payload.asParser()) {
            return envelope(reader(payloadType).readValue(tokens));
        }
    }

    private EventEnvelope envelope(EventPayload value) {
        return new EventEnvelope(stream, position, eventId, commandId, type, schemaVersion, timestamp, actor,
                previousHash, hash, value);
    }

    private static ObjectReader reader(Class<?> type) {
        return PAYLOADS.computeIfAbsent(type, t -> EventCodec.mapper().readerFor(t));
    }

    private static final byte[] TYPE_KEY = "\"type\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The payload class named by the envelope's {@code type}, found without parsing: the last
     * {@code "type"} key in the text (no payload has one, and a quote inside a string is escaped).
     * Null when not found, and the payload is then buffered until the type is read.
     */
    static Class<? extends EventPayload> peekType(byte[] json) {
        for (int i = json.length - TYPE_KEY.length; i >= 0; i--) {
            if (json[i] == '"' && matches(json, i)) {
                int at = skipSpaces(json, i + TYPE_KEY.length);
                if (at < json.length && json[at] == ':') {
                    at = skipSpaces(json, at + 1);
                    int end = at + 1;
                    while (end < json.length && json[end] != '"') {
                        end++;
                    }
                    if (at < json.length && json[at] == '"' && end < json.length) {
                        return EventTypes.classOrNull(new String(json, at + 1, end - at - 1,
                                java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static boolean matches(byte[] json, int at) {
        for (int j = 0; j < TYPE_KEY.length; j++) {
            if (json[at + j] != TYPE_KEY[j]) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(byte[] json, int at) {
        while (at < json.length && (json[at] == ' ' || json[at] == '\n' || json[at] == '\r' || json[at] == '\t')) {
            at++;
        }
        return at;
    }
}
