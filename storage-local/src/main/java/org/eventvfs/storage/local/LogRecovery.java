package org.eventvfs.storage.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.StreamHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the end of a log when it is opened, reading every frame and checking both its checksums.
 * An append writes all its frames with one write and then syncs once, and nothing is acknowledged
 * before that sync returns, so a crash can only have cut the last append short. The two ways a
 * frame can be unreadable are told apart like this:
 *
 * <ul>
 *   <li><b>Torn tail</b>, cut off with a WARN line: a header shorter than a header; a header whose
 *       frame runs past the end of the file; or a failed magic or checksum where every byte from
 *       that field to the end of the file is zero (a file system that extended the file but never
 *       wrote its pages). The file is truncated to the end of the last whole frame: what is lost
 *       was never acknowledged, and a prefix of an append's batches survives, never part of one.
 *   <li><b>Damage</b>, refused with {@link LogDamaged} naming the byte and the first position that
 *       cannot be read, the file untouched: a bad magic or a failed checksum with non-zero bytes
 *       after it; a frame whose first position does not follow the previous frame; a header or
 *       body that a writer cannot have produced. These are bytes that were once synced whole;
 *       skipping them would silently drop acknowledged commands and break the hash chain.
 * </ul>
 *
 * Event hashes are not recomputed here; {@link StreamLog#verify()} does that.
 */
final class LogRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** What opening a log may do about a frame it cannot read. */
    enum Repair {
        /** Cut off a torn tail, refuse damage: what a store that appends does. */
        CUT_TORN_TAIL,
        /** Change nothing and refuse nothing: the log ends at its last whole frame, for a verifier to report the rest. */
        NONE
    }

    /** Scans the whole log, fills {@code index}, deals with an unreadable frame as {@code repair} says, and returns the end. */
    static LogEnd recover(Path file, String stream, FileChannel channel, FrameIndex index, Repair repair)
            throws IOException {
        long size = channel.size();
        FrameScanner scanner = new FrameScanner(channel, 0, 1, size, FrameScanner.REPLAY_BUFFER);
        byte[] newest = null;
        long newestFrame = 0;
        try {
            for (Frame frame; (frame = scanner.next()) != null; ) {
                index.add(frame.firstPosition(), frame.offset());
                newest = frame.copyOf(frame.eventCount() - 1);
                newestFrame = frame.offset();
            }
        } catch (BadFrame bad) {
            if (repair == Repair.NONE) {
                return end(file, stream, scanner, newest, newestFrame, repair);
            }
            if (bad.kind() == BadFrame.Kind.DAMAGED) {
                throw bad.damaged(file, stream);
            }
            if (bad.kind() == BadFrame.Kind.UNWRITTEN) {
                LOG.info("log {} (stream {}) ends at byte {}; dropping the {} zero bytes after it, written ahead"
                        + " for appends", file, stream, bad.offset(), size - bad.offset());
            } else {
                LOG.warn("log {} (stream {}) has a torn tail, the unacknowledged end of an append cut short by a"
                        + " crash: {}; dropping {} bytes from byte {}, keeping positions up to {}", file, stream,
                        bad.getMessage(), size - bad.offset(), bad.offset(), bad.position() - 1);
            }
            channel.truncate(bad.offset());
            channel.force(true);
        }
        return end(file, stream, scanner, newest, newestFrame, repair);
    }

    private static LogEnd end(Path file, String stream, FrameScanner scanner, byte[] newest, long newestFrame,
                              Repair repair) {
        long last = scanner.nextPosition() - 1;
        if (newest == null) {
            return LogEnd.EMPTY;
        }
        try {
            return new LogEnd(last, hashOf(file, stream, newest, last, newestFrame), scanner.offset());
        } catch (LogDamaged unreadable) {
            if (repair != Repair.NONE) {
                throw unreadable;
            }
            // The verifier recomputes every hash and reports this event; the end's own hash is not needed to read.
            return new LogEnd(last, StreamHead.EMPTY.hash(), scanner.offset());
        }
    }

    /** The stored hash of the newest event, read without its payload so that any event type will do. */
    private static Sha256 hashOf(Path file, String stream, byte[] event, long position, long frameOffset) {
        String problem;
        try {
            JsonNode tree = EventCodec.mapper().readTree(event);
            if (tree.path("position").asLong() == position && tree.path("hash").isTextual()) {
                return Sha256.parse(tree.get("hash").asText());
            }
            problem = "the newest event does not carry position " + position + " and a hash";
        } catch (IOException | IllegalArgumentException e) {
            problem = "the newest event cannot be read: " + e.getMessage();
        }
        throw new LogDamaged(file, stream, frameOffset, position, problem);
    }
}
