package org.eventvfs.storage.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.AppendConflict;
import org.eventvfs.spi.ChainReport;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.StreamHead;

/**
 * One stream's append-only log file. Appends come from one thread at a time (the store's writer);
 * reads and verification run on any thread, and see only what an append has synced, because the
 * end they read up to is published after the sync.
 *
 * <p>A durable log keeps a runway of zeros written past its end ({@link #RUNWAY}), as PostgreSQL
 * fills a WAL segment before using it: an append then overwrites bytes the file already has, so
 * its sync writes data only, without the journal commit that growing the file costs (a third to
 * half of the sync's time on ext4). The runway is cut off when the log is closed, and recovery drops it
 * quietly after a crash (zeros where a frame would start are {@link BadFrame.Kind#UNWRITTEN}).
 */
final class StreamLog implements Closeable {
    private static final int MIN_READ_BUFFER = 64 * 1024;
    private static final int BYTES_PER_EVENT_GUESS = 512;
    /** How far past the end zeros are written at once when an append runs past them. */
    static final int RUNWAY = Runway.SIZE;

    private final String stream;
    private final Path file;
    private final FileChannel channel;
    private final Durability durability;
    private final FrameIndex index;
    private final LogRecovery.Repair repair;
    private volatile LogEnd end;
    /** The file's size: the end, then the runway. Only appends and close touch it. */
    private long written;
    private IOException failure;

    private StreamLog(String stream, Path file, FileChannel channel, Durability durability, FrameIndex index,
                      LogRecovery.Repair repair, LogEnd end) {
        this.stream = stream;
        this.file = file;
        this.channel = channel;
        this.durability = durability;
        this.index = index;
        this.repair = repair;
        this.end = end;
        this.written = end.offset();
    }

    /** Opens an existing log, recovering its end; see {@link LogRecovery} for what it refuses. */
    static StreamLog open(String stream, Path file, Durability durability) throws IOException {
        return open(stream, file, durability, LogRecovery.Repair.CUT_TORN_TAIL, StandardOpenOption.WRITE);
    }

    /**
     * Opens an existing log to read and verify it only: the file is opened read-only, nothing is
     * cut off or refused, and reads end at the last whole frame.
     */
    static StreamLog openToVerify(String stream, Path file) throws IOException {
        return open(stream, file, Durability.NO_FSYNC, LogRecovery.Repair.NONE, StandardOpenOption.READ);
    }

    private static StreamLog open(String stream, Path file, Durability durability, LogRecovery.Repair repair,
                                  StandardOpenOption mode) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, mode);
        try {
            FrameIndex index = new FrameIndex();
            LogEnd end = LogRecovery.recover(file, stream, channel, index, repair);
            return new StreamLog(stream, file, channel, durability, index, repair, end);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Creates the log of a new stream; its directory entry is synced before anything is appended to it. */
    static StreamLog create(String stream, Path file, Durability durability) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (durability == Durability.FSYNC) {
            Fsync.directory(file.getParent());
        }
        return new StreamLog(stream, file, channel, durability, new FrameIndex(), LogRecovery.Repair.CUT_TORN_TAIL,
                LogEnd.EMPTY);
    }

    StreamHead head() {
        return end.head();
    }

    /** The bytes of the log's durable frames: the file, less a torn tail that opening did not cut off. */
    long size() {
        return end.offset();
    }

    /**
     * Appends the batches with one write and one sync: the group commit. Checks that they continue
     * the stream's positions and hash chain.
     */
    void append(long expectedHead, List<EventBatch> batches) throws IOException {
        if (repair == LogRecovery.Repair.NONE) {
            throw new IllegalStateException("log " + file + " is open only to be verified");
        }
        if (failure != null) {
            throw new VfsException.Unavailable("log " + file + " refuses appends since a write failed;"
                    + " restart to recover it", failure);
        }
        LogEnd before = end;
        if (expectedHead != before.position()) {
            throw new AppendConflict(stream, expectedHead, before.position());
        }
        if (batches.isEmpty()) {
            return;
        }
        long position = before.position();
        Sha256 hash = before.hash();
        ByteBuffer[] frames = new ByteBuffer[batches.size()];
        for (int i = 0; i < frames.length; i++) {
            EventBatch batch = batches.get(i);
            for (EventEnvelope event : batch.events()) {
                requireFollows(event, batch, position + 1, hash);
                position = event.position();
                hash = event.hash();
            }
            frames[i] = FrameCodec.encode(batch);
        }
        long offset = write(before.offset(), frames);
        long frameOffset = before.offset();
        for (int i = 0; i < frames.length; i++) {
            index.add(batches.get(i).firstPosition(), frameOffset);
            frameOffset += frames[i].limit();
        }
        end = new LogEnd(position, hash, offset);
    }

    private void requireFollows(EventEnvelope event, EventBatch batch, long position, Sha256 previousHash) {
        String problem = problemWith(event, batch, position, previousHash);
        if (problem != null) {
            throw new IllegalArgumentException("cannot append to stream " + stream + ": the event for position "
                    + position + " " + problem);
        }
    }

    private String problemWith(EventEnvelope event, EventBatch batch, long position, Sha256 previousHash) {
        if (!stream.equals(event.stream())) {
            return "belongs to stream " + event.stream();
        }
        if (event.position() != position) {
            return "has position " + event.position();
        }
        if (!previousHash.equals(event.previousHash())) {
            return "does not chain to the hash of position " + (position - 1);
        }
        if (event.hash() == null) {
            return "is not sealed (it has no hash)";
        }
        if (!batch.commandId().equals(event.commandId())) {
            return "belongs to command " + event.commandId() + ", not to its batch's command " + batch.commandId();
        }
        return null;
    }

    /** Writes the frames at {@code offset} and syncs; returns the new end. A failure poisons the log. */
    private long write(long offset, ByteBuffer[] frames) throws IOException {
        try {
            long remaining = 0;
            for (ByteBuffer frame : frames) {
                remaining += frame.remaining();
            }
            long newEnd = offset + remaining;
            boolean grown = durability == Durability.FSYNC && newEnd > written;
            if (grown) {
                extendRunway(newEnd + RUNWAY);
            }
            channel.position(offset);
            while (remaining > 0) {
                remaining -= channel.write(frames);
            }
            if (durability == Durability.FSYNC) {
                // Only a grown file has metadata (its size) that the events need to be found again.
                channel.force(grown);
            }
            return newEnd;
        } catch (IOException e) {
            // After a failed write or sync the page cache may no longer match the disk (a retried
            // fsync can report success for pages the kernel dropped), so only a rescan at the next
            // start can say what the log holds.
            failure = e;
            throw e;
        }
    }

    /** Writes zeros from the file's end up to {@code size}; the append's sync makes them durable. */
    private void extendRunway(long size) throws IOException {
        Runway.fill(channel, written, size);
        written = size;
    }

    /** Up to {@code maxEvents} events from {@code fromPosition}, decoded from one sequential scan. */
    List<EventEnvelope> read(long fromPosition, int maxEvents) throws IOException {
        LogEnd snapshot = end;
        long from = Math.max(1, fromPosition);
        if (from > snapshot.position()) {
            return List.of();
        }
        int count = (int) Math.min(maxEvents, snapshot.position() - from + 1);
        FrameScanner scanner = scannerFrom(from, snapshot, readBufferFor(count));
        List<EventEnvelope> events = new ArrayList<>(count);
        while (events.size() < count) {
            Frame frame = nextFrame(scanner);
            for (int i = (int) Math.max(0, from - frame.firstPosition()); i < frame.eventCount() && events.size() < count; i++) {
                events.add(decode(frame, i));
            }
        }
        return events;
    }

    /**
     * Re-reads the whole log, recomputing each event's hash and checking each link of the chain.
     * A log open only to be verified is read to the end of the file, past the last whole frame,
     * so the frame that cannot be read is reported with its byte.
     */
    ChainReport verify() throws IOException {
        long scanEnd = repair == LogRecovery.Repair.NONE ? channel.size() : end.offset();
        FrameScanner scanner = new FrameScanner(channel, 0, 1, scanEnd, FrameScanner.REPLAY_BUFFER);
        StreamHead intact = StreamHead.EMPTY;
        try {
            for (Frame frame; (frame = scanner.next()) != null; ) {
                for (int i = 0; i < frame.eventCount(); i++) {
                    JsonNode tree = frame.tree(i);
                    String problem = chainProblem(tree, intact.position() + 1, intact.hash());
                    if (problem != null) {
                        return ChainReport.broken(stream, intact, problem + " (in the frame at byte "
                                + frame.offset() + ")");
                    }
                    intact = new StreamHead(intact.position() + 1, Sha256.parse(tree.get("hash").asText()));
                }
            }
        } catch (BadFrame bad) {
            if (bad.kind() == BadFrame.Kind.UNWRITTEN) {
                return ChainReport.intact(stream, intact);
            }
            return bad.kind() == BadFrame.Kind.TORN && repair == LogRecovery.Repair.NONE
                    ? ChainReport.intact(stream, intact).withNote("a torn tail of " + (scanEnd - bad.offset())
                            + " bytes from byte " + bad.offset() + ", an append cut short by a crash and never"
                            + " acknowledged, is cut off when a server next opens the log")
                    : new ChainReport(stream, intact.position(), intact.hash(), bad.position(),
                            "unreadable frame at byte " + bad.offset() + ": " + bad.getMessage(), null);
        }
        return ChainReport.intact(stream, intact);
    }

    private String chainProblem(JsonNode tree, long position, Sha256 previous) {
        if (tree == null) {
            return "not JSON";
        }
        try {
            if (!stream.equals(tree.path("stream").asText())) {
                return "the event names stream '" + tree.path("stream").asText() + "'";
            }
            if (tree.path("position").asLong() != position) {
                return "the event names position " + tree.path("position").asLong();
            }
            if (!previous.equals(Sha256.parse(tree.path("previousHash").asText()))) {
                return "broken link: the event's previous hash is not the hash of position " + (position - 1);
            }
            Sha256 computed = EventCodec.hashOf(tree);
            if (!computed.equals(Sha256.parse(tree.path("hash").asText()))) {
                return "hash mismatch: the event's content hashes to " + computed + ", not to its hash";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "malformed event: " + e.getMessage();
        }
    }

    private FrameScanner scannerFrom(long position, LogEnd snapshot, int bufferSize) {
        Map.Entry<Long, Long> start = index.before(position);
        return new FrameScanner(channel, start.getValue(), start.getKey(), snapshot.offset(), bufferSize);
    }

    private Frame nextFrame(FrameScanner scanner) throws IOException {
        try {
            Frame frame = scanner.next();
            if (frame == null) {
                throw new LogDamaged(file, stream, scanner.offset(), scanner.nextPosition(), "the log ends early");
            }
            return frame;
        } catch (BadFrame bad) {
            throw bad.damaged(file, stream);
        }
    }

    private EventEnvelope decode(Frame frame, int event) {
        long position = frame.firstPosition() + event;
        EventEnvelope envelope;
        try {
            envelope = frame.decode(event);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log " + file + ", position " + position + ": " + e.getMessage(), e);
        }
        if (envelope.position() != position) {
            throw new LogDamaged(file, stream, frame.offset(), position, "the event there names position "
                    + envelope.position());
        }
        return envelope;
    }

    private static int readBufferFor(int events) {
        return Math.clamp((long) events * BYTES_PER_EVENT_GUESS, MIN_READ_BUFFER, FrameScanner.REPLAY_BUFFER);
    }

    /** Cuts the runway off first, so that a log at rest is exactly its frames. */
    @Override
    public void close() throws IOException {
        try {
            if (written > end.offset() && failure == null) {
                channel.truncate(end.offset());
            }
        } finally {
            channel.close();
        }
    }
}
