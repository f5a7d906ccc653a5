package org.eventvfs.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StreamHead;

/**
 * A volume's whole history as files, to move it between stores (the embedded store to PostgreSQL
 * when a deployment outgrows a laptop): {@code events.jsonl}, each event's stored JSON on a line
 * of its own, in order, and {@code blocks/<sha256>}, every content block the events refer to.
 * Blocking: for the command line, never an event loop.
 */
final class VolumeArchive {
    static final String EVENTS = "events.jsonl";
    static final String BLOCKS = "blocks";
    private static final int PAGE = 5000;
    private static final int BATCHES_PER_APPEND = 500;

    private final EventStore events;
    private final BlobStore blobs;

    VolumeArchive(EventStore events, BlobStore blobs) {
        this.events = events;
        this.blobs = blobs;
    }

    /** What an export or an import does with the archive of the configured stores. */
    interface Work {
        Summary on(VolumeArchive archive) throws IOException;
    }

    /** Opens the configured stores on their own, does {@code work}, and closes them. */
    static Summary withStores(ServerConfig config, Work work) throws IOException {
        try (BareStores stores = BareStores.open(config)) {
            return work.on(new VolumeArchive(stores.events(), stores.blobs()));
        }
    }

    /** What was moved: the events, the blocks, and the head they end at. */
    record Summary(String volume, long events, int blocks, StreamHead head) {
    }

    /** Writes the volume's events and blocks into {@code folder}, which must be empty or new. */
    Summary export(String volume, Path folder) throws IOException {
        Files.createDirectories(folder.resolve(BLOCKS));
        try (var files = Files.list(folder)) {
            if (files.anyMatch(f -> !f.getFileName().toString().equals(BLOCKS))) {
                throw new CommandFailure(folder + " is not empty: export into a new folder");
            }
        }
        Set<BlockRef> blocks = new LinkedHashSet<>();
        StreamHead head = StreamHead.EMPTY;
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(EVENTS), StandardCharsets.UTF_8)) {
            for (List<EventEnvelope> page = events.read(volume, 1, PAGE).await(); !page.isEmpty();
                 page = events.read(volume, head.position() + 1, PAGE).await()) {
                for (EventEnvelope e : page) {
                    out.write(new String(EventCodec.encode(e), StandardCharsets.UTF_8));
                    out.write('\n');
                    blocks.addAll(blocksOf(e));
                    head = new StreamHead(e.position(), e.hash());
                }
            }
        }
        for (BlockRef block : blocks) {
            Buffer bytes = blobs.get(block.hash(), 0, block.size()).await();
            Files.write(folder.resolve(BLOCKS).resolve(block.hash().hex()), bytes.getBytes());
        }
        return new Summary(volume, head.position(), blocks.size(), head);
    }

    /**
     * Checks the archive in {@code folder} (every hash recomputed, the chain unbroken, positions
     * gapless, every block present with the content its name says), then stores its blocks and
     * appends its events, byte for byte, to a volume that must have none.
     */
    Summary importFrom(Path folder) throws IOException {
        List<Line> lines = verifiedLines(folder.resolve(EVENTS));
        if (lines.isEmpty()) {
            throw new CommandFailure(folder.resolve(EVENTS) + " holds no event");
        }
        String volume = lines.getFirst().event().stream();
        StreamHead existing = events.head(volume).await();
        if (existing.position() != 0) {
            throw new CommandFailure("volume " + volume + " already has " + existing.position()
                    + " events here: import only into a volume that has none");
        }
        Set<BlockRef> blocks = new LinkedHashSet<>();
        lines.forEach(line -> blocks.addAll(blocksOf(line.event())));
        for (BlockRef block : blocks) {
            storeBlock(folder.resolve(BLOCKS).resolve(block.hash().hex()), block);
        }
        appendAll(volume, lines);
        StreamHead head = events.head(volume).await();
        return new Summary(volume, head.position(), blocks.size(), head);
    }

    private record Line(EventEnvelope event, byte[] json) {
    }

    private static List<Line> verifiedLines(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        Sha256 previous = EventEnvelope.GENESIS;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                byte[] json = text.getBytes(StandardCharsets.UTF_8);
                JsonNode tree = EventCodec.mapper().readTree(json);
                EventEnvelope e = EventCodec.decode(json);
                long expected = lines.size() + 1L;
                if (e.position() != expected || !e.previousHash().equals(previous)
                        || !EventCodec.hashOf(tree).equals(e.hash())
                        || (!lines.isEmpty() && !lines.getFirst().event().stream().equals(e.stream()))) {
                    throw new CommandFailure(file + ": the event on line " + expected + " does not verify"
                            + " (position, stream, chain or hash); nothing was imported");
                }
                previous = e.hash();
                lines.add(new Line(e, json));
            }
        }
        return lines;
    }

    private void storeBlock(Path file, BlockRef block) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure("block " + block.hash() + " is missing from " + file.getParent());
        }
        Sha256 stored = blobs.put(Buffer.buffer(Files.readAllBytes(file))).await();
        if (!stored.equals(block.hash()) || Files.size(file) != block.size()) {
            throw new CommandFailure("block " + file + " does not hold the content its name says");
        }
    }

    /** Appends command by command, several commands per append, each append after the one before. */
    private void appendAll(String volume, List<Line> lines) {
        List<EventBatch> batches = new ArrayList<>();
        long head = 0;
        int i = 0;
        while (i < lines.size()) {
            int end = i;
            while (end < lines.size() && lines.get(end).event().commandId().equals(lines.get(i).event().commandId())) {
                end++;
            }
            List<Line> command = lines.subList(i, end);
            batches.add(new EventBatch(command.getFirst().event().commandId(),
                    command.stream().map(Line::event).toList(), command.stream().map(Line::json).toList()));
            i = end;
            if (batches.size() == BATCHES_PER_APPEND || i == lines.size()) {
                events.append(volume, head, batches).await();
                head = batches.getLast().lastPosition();
                batches = new ArrayList<>();
            }
        }
    }

    private static List<BlockRef> blocksOf(EventEnvelope e) {
        return switch (e.payload()) {
            case VolumeEvent.ContentCommitted c -> c.content().blocks();
            case VolumeEvent.TreeCopied c -> c.nodes().stream().map(Node::content)
                    .filter(content -> content != null).map(Content::blocks).flatMap(List::stream).toList();
            default -> List.of();
        };
    }
}
