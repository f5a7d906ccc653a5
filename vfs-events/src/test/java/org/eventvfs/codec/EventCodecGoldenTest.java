package org.eventvfs.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.EventPayload;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VolumeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored JSON of every event type: a change that alters it fails here, because logs
 * written by released versions must still be read, and their hashes still verify.
 * Regenerate a file only for a new type or a new schema version, never for a released one.
 */
class EventCodecGoldenTest {
    private static final Sha256 BLOCK = Sha256.parse("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    private static final Content CONTENT = new Content(4, BLOCK, List.of(new BlockRef(BLOCK, 4)));
    private static final Actor ACTOR = new Actor("alice", "sftp", "127.0.0.1:50022", "s-1", "OpenSSH_9.2");

    static Stream<EventPayload> payloads() {
        return Stream.of(
                new VolumeEvent.DirectoryCreated(2, 1, "docs", 0755, "alice", 1763722800000L),
                new VolumeEvent.FileCreated(3, 2, "a.txt", 0644, "alice", 1763722800001L),
                new VolumeEvent.ContentCommitted(3, CONTENT, 1763722800002L),
                new VolumeEvent.SymlinkCreated(4, 2, "link", "a.txt", "alice", 1763722800003L),
                new VolumeEvent.NodeMoved(3, 2, "a.txt", 1, "b.txt", 1763722800004L),
                new VolumeEvent.NodeRemoved(4, 2, "link", 1763722800005L),
                new VolumeEvent.AttributesChanged(3, 0600, null, 1763722800006L),
                new VolumeEvent.PropertiesChanged(3, Map.of("DAV:author", "alice"), List.of("DAV:old")),
                new VolumeEvent.TreeCopied(2, List.of(new Node(5, 1, "docs2", NodeKind.DIRECTORY, 0755, "alice",
                        1763722800007L, 1763722800000L, null, null, Map.of()))),
                new VolumeEvent.UploadAborted(2, "big.iso", 1048576, "data connection reset", 1763722800008L),
                new VolumeEvent.TreeRestored(1, "docs", 42, true, "undo bob since 2026-11-21", 1763722800009L),
                new AccountEvent.UserAdded("alice", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", List.of(
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF alice@host"), "default", "/alice", false),
                new AccountEvent.PasswordChanged("alice", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$bmV3"),
                new AccountEvent.KeysChanged("alice", List.of()),
                new AccountEvent.AccessChanged("alice", "default", "/team", true),
                new AccountEvent.AdminChanged("alice", true),
                new AccountEvent.UserDisabled("alice"),
                new AccountEvent.UserEnabled("alice"),
                new AccountEvent.UserInvited("bob", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        1763722800010L, "default", "/team/bob", false),
                new AccountEvent.InviteRedeemed("bob", null, List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF bob@host")),
                new AccountEvent.SessionsEnded("bob", List.of("sftp-7", "webdav-3")),
                new AccountEvent.BlocksCollected("root", 12, 30),
                new AccountEvent.UserRemoved("alice"));
    }

    private static EventEnvelope envelope(EventPayload payload) {
        String stream = payload instanceof AccountEvent ? EventEnvelope.ACCOUNTS : "default";
        EventEnvelope sealed = EventCodec.seal(stream, 7, UUID.fromString("00000000-0000-4000-8000-000000000001"),
                1763722800000L, ACTOR, Sha256.parse("00".repeat(31) + "01"), payload);
        // seal() draws a random event id; pin it so the file is reproducible.
        ObjectNode tree = EventCodec.toTree(sealed);
        tree.put("eventId", "00000000-0000-4000-8000-000000000002");
        tree.remove("hash");
        tree.put("hash", EventCodec.hashOf(tree).hex());
        return EventCodec.fromTree(tree);
    }

    @Test
    void everyEventTypeHasAGoldenFile() {
        List<String> covered = payloads().map(EventCodec::typeOf).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EventTypes.names());
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void storedFormIsPinned(EventPayload payload) throws IOException {
        EventEnvelope envelope = envelope(payload);
        String name = EventCodec.typeOf(payload) + ".v1.json";
        String actual = new String(EventCodec.encode(envelope), StandardCharsets.UTF_8);
        String golden = golden(name, actual);
        assertThat(actual).as(name).isEqualTo(golden);
        EventEnvelope read = EventCodec.decode(golden.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(envelope);
        assertThat(EventCodec.hashOf(EventCodec.mapper().readTree(golden))).isEqualTo(read.hash());
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void sealedHashEqualsTheHashOfTheStoredForm(EventPayload payload) throws IOException {
        EventCodec.Sealed both = EventCodec.sealEncoded("default", 3, UUID.randomUUID(), 5, ACTOR, BLOCK, payload);
        EventEnvelope sealed = both.envelope();
        byte[] stored = EventCodec.encode(sealed);
        assertThat(both.json()).as("the stored form spliced while sealing").isEqualTo(stored);
        assertThat(EventCodec.hashOf(EventCodec.mapper().readTree(stored))).isEqualTo(sealed.hash());
        assertThat(stored).isEqualTo(CanonicalJson.bytes(EventCodec.mapper().readTree(stored)));
    }

    @Test
    void awkwardStringsAreCanonicalToo() throws IOException {
        String name = "é ✓ \u0001 \" \\ / \u2028 \uD83D\uDE00";
        sealedHashEqualsTheHashOfTheStoredForm(new VolumeEvent.DirectoryCreated(2, 1, name, 0755, name, 1));
        sealedHashEqualsTheHashOfTheStoredForm(new VolumeEvent.PropertiesChanged(2, Map.of("b", name, "a", "1",
                "é", "2"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void decodesAnyKeyOrderAndSpacing(EventPayload payload) throws IOException {
        EventEnvelope envelope = envelope(payload);
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(envelope));
        ObjectNode reversed = EventCodec.mapper().createObjectNode();
        List<String> keys = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reversed.set(k, tree.get(k)));
        byte[] spaced = EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(reversed);
        assertThat(EventCodec.decode(spaced)).isEqualTo(envelope);
        ObjectNode noTypeLast = reversed.deepCopy();
        noTypeLast.remove("type");
        noTypeLast.put("type", envelope.type());
        assertThat(EventCodec.decode(EventCodec.mapper().writeValueAsBytes(noTypeLast))).isEqualTo(envelope);
    }

    @Test
    void aChangedFieldChangesTheHash() throws IOException {
        EventEnvelope envelope = envelope(payloads().findFirst().orElseThrow());
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(envelope));
        ((ObjectNode) tree.get("payload")).put("name", "docz");
        assertThat(EventCodec.hashOf(tree)).isNotEqualTo(envelope.hash());
    }

    @Test
    void reformattedJsonKeepsItsHash() throws IOException {
        EventEnvelope envelope = envelope(payloads().findFirst().orElseThrow());
        String pretty = EventCodec.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(EventCodec.mapper().readTree(EventCodec.encode(envelope)));
        assertThat(EventCodec.hashOf(EventCodec.mapper().readTree(pretty))).isEqualTo(envelope.hash());
    }

    @Test
    void unknownTypesAndVersionsAreRefusedClearly() {
        String json = new String(EventCodec.encode(envelope(payloads().findFirst().orElseThrow())),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventCodec.decode(json.replace("\"DirectoryCreated\"", "\"Teleported\"")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("Teleported");
        assertThatThrownBy(() -> EventCodec.decode(json.replace("\"schemaVersion\":1", "\"schemaVersion\":9")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("schema version 9");
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not an event");
    }

    /** The golden file's text; with -Dgolden.write=true a missing file is written from {@code actual}. */
    private static String golden(String name, String actual) throws IOException {
        try (InputStream in = EventCodecGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        }
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual + "\n");
            return actual;
        }
        throw new AssertionError("no golden file " + name + "; run once with -Dgolden.write=true and review it");
    }
}
