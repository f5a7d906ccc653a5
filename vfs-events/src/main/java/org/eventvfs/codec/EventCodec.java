package org.eventvfs.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.UUID;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.Sha256;

/**
 * Events as JSON, the one format every store keeps. The hash of an event is SHA-256 over the
 * {@link CanonicalJson canonical form} of its JSON object without the {@code hash} field, so it
 * is computed from what was stored, not from how a later version would write it again, and
 * survives stores that reformat JSON (PostgreSQL's jsonb).
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    private static final ObjectWriter SORTED = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build()
            .writer();

    private EventCodec() {
    }

    /** The mapper configured for event payloads, for stores that handle JSON themselves. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The stored type name of a payload. */
    public static String typeOf(EventPayload payload) {
        return EventTypes.nameOf(payload);
    }

    /** An envelope for {@code payload} with its hash computed from every other field. */
    public static EventEnvelope seal(String stream, long position, UUID commandId, long timestamp, Actor actor,
                                     Sha256 previousHash, EventPayload payload) {
        return sealEncoded(stream, position, commandId, timestamp, actor, previousHash, payload).envelope();
    }

    /** An event sealed as {@link #seal} does, with the stored form {@link #encode} would give. */
    public record Sealed(EventEnvelope envelope, byte[] json) {
    }

    /**
     * Seals and encodes in one serialization: the stored form is the hashed bytes with the hash
     * spliced in at its sorted place, just before {@code "payload"} (no key sorts between them, and
     * no earlier value can hold that text, since quotes inside strings are escaped).
     */
    public static Sealed sealEncoded(String stream, long position, UUID commandId, long timestamp, Actor actor,
                                     Sha256 previousHash, EventPayload payload) {
        EventEnvelope unsealed = new EventEnvelope(stream, position, Ids.newId(), commandId,
                EventTypes.nameOf(payload), EventTypes.CURRENT_VERSION, timestamp, actor, previousHash, null,
                payload);
        byte[] hashed = sortedBytes(unsealed);
        Sha256 hash = Sha256.of(Sha256.newDigest().digest(hashed));
        EventEnvelope sealed = new EventEnvelope(unsealed.stream(), position, unsealed.eventId(), commandId,
                unsealed.type(), unsealed.schemaVersion(), timestamp, actor, previousHash, hash, payload);
        return new Sealed(sealed, withHash(hashed, hash));
    }

    private static final byte[] PAYLOAD_KEY = ",\"payload\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static byte[] withHash(byte[] hashed, Sha256 hash) {
        int at = indexOf(hashed, PAYLOAD_KEY) + 1;
        byte[] field = ("\"hash\":\"" + hash.hex() + "\",").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[hashed.length + field.length];
        System.arraycopy(hashed, 0, out, 0, at);
        System.arraycopy(field, 0, out, at, field.length);
        System.arraycopy(hashed, at, out, at + field.length, hashed.length - at);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("an encoded event has no payload");
    }

    /** The envelope as a JSON object, with its hash if it has one. */
    public static ObjectNode toTree(EventEnvelope e) {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("stream", e.stream());
        tree.put("position", e.position());
        tree.put("eventId", e.eventId().toString());
        tree.put("commandId", e.commandId().toString());
        tree.put("type", e.type());
        tree.put("schemaVersion", e.schemaVersion());
        tree.put("timestamp", e.timestamp());
        tree.set("actor", MAPPER.valueToTree(e.actor()));
        tree.put("previousHash", e.previousHash().hex());
        tree.set("payload", MAPPER.valueToTree(e.payload()));
        if (e.hash() != null) {
            tree.put("hash", e.hash().hex());
        }
        return tree;
    }

    /** The envelope as compact canonical JSON bytes (UTF-8). */
    public static byte[] encode(EventEnvelope e) {
        return sortedBytes(e);
    }

    /**
     * Canonical JSON written straight from the records by a mapper that sorts every key, which is
     * what {@link CanonicalJson} makes of the same value read back (the golden tests hold both to
     * the same bytes), without building a tree first: sealing and storing are on the writer's path.
     * The envelope's own fields are written in their sorted order by hand rather than through a
     * sorted map, whose serializer looks up a serializer for every value of every event.
     */
    private static byte[] sortedBytes(EventEnvelope e) {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = SORTED.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("actor");
            SORTED.writeValue(g, e.actor());
            writeString(g, "commandId", e.commandId());
            writeString(g, "eventId", e.eventId());
            if (e.hash() != null) {
                writeString(g, "hash", e.hash());
            }
            g.writeFieldName("payload");
            SORTED.writeValue(g, e.payload());
            g.writeNumberField("position", e.position());
            writeString(g, "previousHash", e.previousHash());
            g.writeNumberField("schemaVersion", e.schemaVersion());
            writeString(g, "stream", e.stream());
            g.writeNumberField("timestamp", e.timestamp());
            writeString(g, "type", e.type());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new IllegalStateException("an event cannot be written as JSON: " + ex.getMessage(), ex);
        }
        return out.toByteArray();
    }

    /** A field whose value is written as its string form (UUIDs and hashes are), or null. */
    private static void writeString(JsonGenerator g, String name, Object value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value.toString());
        }
    }

    /**
     * Reads an envelope from JSON bytes, as {@link #encode} wrote them or as any store returns them.
     * Streams the fields instead of building a tree: replaying a log is dominated by this call.
     */
    public static EventEnvelope decode(byte[] json) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            return EnvelopeFields.read(parser, EnvelopeFields.peekType(json)).toEnvelope();
        } catch (IOException e) {
            throw new IllegalArgumentException("not an event: " + e.getMessage(), e);
        }
    }

    /** Reads an envelope from a JSON object. */
    public static EventEnvelope fromTree(JsonNode tree) {
        String type = text(tree, "type");
        int version = tree.path("schemaVersion").asInt(-1);
        if (version != EventTypes.CURRENT_VERSION) {
            throw new IllegalArgumentException("event type " + type + " has no schema version " + version);
        }
        try {
            return new EventEnvelope(text(tree, "stream"), tree.path("position").asLong(),
                    UUID.fromString(text(tree, "eventId")), UUID.fromString(text(tree, "commandId")), type,
                    version, tree.path("timestamp").asLong(), MAPPER.treeToValue(tree.get("actor"), Actor.class),
                    Sha256.parse(text(tree, "previousHash")),
                    tree.hasNonNull("hash") ? Sha256.parse(text(tree, "hash")) : null,
                    MAPPER.treeToValue(tree.get("payload"), EventTypes.classOf(type)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + type + " event: " + e.getOriginalMessage(), e);
        }
    }

    /** The hash an event's JSON object should carry: SHA-256 over its canonical form without "hash". */
    public static Sha256 hashOf(JsonNode tree) {
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        copy.remove("hash");
        MessageDigest digest = Sha256.newDigest();
        return Sha256.of(digest.digest(CanonicalJson.bytes(copy)));
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("event field '" + field + "' is missing");
        }
        return value.asText();
    }
}
