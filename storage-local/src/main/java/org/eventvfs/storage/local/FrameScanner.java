package org.eventvfs.storage.local;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the frames of a log in order through one large buffer, so a replay costs one positional
 * read per buffer-full rather than one per frame or per event. Checks both checksums of every
 * frame and that each frame starts at the position after the previous one.
 */
final class FrameScanner {
    static final int REPLAY_BUFFER = 1 << 20;

    private final FileChannel channel;
    private final long end;
    private ByteBuffer buffer;
    private long bufferStart;
    private long offset;
    private long nextPosition;

    /**
     * @param start where a frame starts
     * @param firstPosition the first position of that frame
     * @param end where the scan stops: the end of the file, or of what is committed
     * @param bufferSize the initial buffer size; it grows for a larger frame
     */
    FrameScanner(FileChannel channel, long start, long firstPosition, long end, int bufferSize) {
        this.channel = channel;
        this.end = end;
        this.buffer = ByteBuffer.allocate(bufferSize).limit(0);
        this.bufferStart = start;
        this.offset = start;
        this.nextPosition = firstPosition;
    }

    /** Where the next frame starts: after a {@link BadFrame}, the end of the last whole frame. */
    long offset() {
        return offset;
    }

    /** The first position of the next frame. */
    long nextPosition() {
        return nextPosition;
    }

    /** The next frame, or null at the end; the order of checks is the recovery contract of {@link LogRecovery}. */
    Frame next() throws IOException, BadFrame {
        long remaining = end - offset;
        if (remaining == 0) {
            return null;
        }
        if (remaining < FrameCodec.HEADER_SIZE) {
            throw bad(BadFrame.Kind.TORN, "incomplete frame header (" + remaining + " bytes)");
        }
        load(FrameCodec.HEADER_SIZE);
        int at = (int) (offset - bufferStart);
        FrameHeader header = FrameCodec.readHeader(buffer, at);
        if (header.magic() != FrameCodec.MAGIC) {
            throw failed(offset, "no frame starts here (bad magic)");
        }
        if (!header.checksumOk()) {
            throw failed(offset + FrameCodec.HEADER_SIZE - Integer.BYTES, "header checksum mismatch");
        }
        if (!header.plausible()) {
            throw bad(BadFrame.Kind.DAMAGED, "impossible frame header (body length " + header.bodyLength()
                    + ", event count " + header.eventCount() + ")");
        }
        if (header.frameLength() > remaining) {
            throw bad(BadFrame.Kind.TORN, "a frame of " + header.frameLength() + " bytes runs past the end ("
                    + remaining + " bytes left)");
        }
        if (header.firstPosition() != nextPosition) {
            throw bad(BadFrame.Kind.DAMAGED, "the frame starts at position " + header.firstPosition());
        }
        load((int) header.frameLength());
        at = (int) (offset - bufferStart);
        int bodyAt = at + FrameCodec.HEADER_SIZE;
        if (!FrameCodec.bodyIntact(buffer, bodyAt, header.bodyLength())) {
            throw failed(offset + header.frameLength() - FrameCodec.TRAILER_SIZE, "body checksum mismatch");
        }
        Frame frame = split(header, bodyAt);
        offset += header.frameLength();
        nextPosition += header.eventCount();
        return frame;
    }

    private Frame split(FrameHeader header, int bodyAt) throws BadFrame {
        int count = header.eventCount();
        int[] starts = new int[count];
        int[] lengths = new int[count];
        int cursor = bodyAt;
        int bodyEnd = bodyAt + header.bodyLength();
        for (int i = 0; i < count; i++) {
            int length = cursor + Integer.BYTES <= bodyEnd ? buffer.getInt(cursor) : -1;
            cursor += Integer.BYTES;
            if (length <= 0 || length > bodyEnd - cursor) {
                throw bad(BadFrame.Kind.DAMAGED, "malformed body: event " + (i + 1) + " of " + count + " has no room");
            }
            starts[i] = buffer.arrayOffset() + cursor;
            lengths[i] = length;
            cursor += length;
        }
        if (cursor != bodyEnd) {
            throw bad(BadFrame.Kind.DAMAGED, "malformed body: " + (bodyEnd - cursor) + " bytes after the last event");
        }
        return new Frame(offset, header.firstPosition(), buffer.array(), starts, lengths);
    }

    /** Makes the {@code length} bytes from {@link #offset} available in the buffer. */
    private void load(int length) throws IOException {
        int at = (int) (offset - bufferStart);
        if (at + length <= buffer.limit()) {
            return;
        }
        buffer.position(at);
        if (length > buffer.capacity()) {
            buffer = ByteBuffer.allocate(length).put(buffer);
        } else {
            buffer.compact();
        }
        bufferStart = offset;
        buffer.limit((int) Math.min(buffer.capacity(), end - offset));
        long readAt = offset + buffer.position();
        while (buffer.position() < length) {
            int read = channel.read(buffer, readAt);
            if (read < 0) {
                throw new EOFException("the log ended at byte " + readAt + " while reading a frame at byte " + offset);
            }
            readAt += read;
        }
        buffer.flip();
    }

    /**
     * A check that failed at {@code field} (the magic or a checksum). If every byte from that field
     * to the end is zero, the write never reached the disk there: file systems that extend a file
     * before its pages are written leave exactly this, from a page boundary, so anywhere in a
     * frame. A checksum stored whole is never zero together with everything after it.
     */
    private BadFrame failed(long field, String reason) throws IOException {
        if (!zeroToEnd(field)) {
            return bad(BadFrame.Kind.DAMAGED, reason);
        }
        return field == offset ? bad(BadFrame.Kind.UNWRITTEN, "zeros from byte " + offset + " to the end")
                : bad(BadFrame.Kind.TORN, "zero-filled tail (" + reason + ")");
    }

    private boolean zeroToEnd(long from) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(REPLAY_BUFFER, end - from));
        for (long at = from; at < end; ) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), end - at));
            int read = channel.read(chunk, at);
            if (read < 0) {
                break;
            }
            for (int i = 0; i < read; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            at += read;
        }
        return true;
    }

    private BadFrame bad(BadFrame.Kind kind, String reason) {
        return new BadFrame(kind, offset, nextPosition, reason);
    }
}
