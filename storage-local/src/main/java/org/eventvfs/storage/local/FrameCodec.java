package org.eventvfs.storage.local;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventBatch;

/**
 * The bytes of a frame, the log's unit of atomicity: one {@link EventBatch}, that is one command.
 * All integers are big-endian; docs/log-format.md explains the choices.
 *
 * <pre>
 * header   magic u32 | body length u32 | first position u64 | event count u32 | CRC32C of those 20 bytes
 * body     (event length u32 | event JSON as EventCodec.encode writes it) × event count
 * trailer  CRC32C of the body
 * </pre>
 */
final class FrameCodec {
    /** "VFSL". Never zero, so a zero-filled tail cannot pass for a frame. */
    static final int MAGIC = 0x5646534C;
    static final int HEADER_SIZE = 24;
    static final int TRAILER_SIZE = 4;
    /** Bounds what a reader must hold in memory for one frame; one command's events are far smaller. */
    static final int MAX_BODY_SIZE = 256 << 20;

    private static final int HEADER_CHECKED_BYTES = 20;

    private FrameCodec() {
    }

    /** The whole frame for {@code batch}, ready to write. */
    static ByteBuffer encode(EventBatch batch) {
        List<EventEnvelope> events = batch.events();
        byte[][] encoded = new byte[events.size()][];
        long bodyLength = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = batch.json().get(i);
            bodyLength += Integer.BYTES + encoded[i].length;
        }
        if (bodyLength > MAX_BODY_SIZE) {
            throw new IllegalArgumentException("the events of command " + batch.commandId() + " take " + bodyLength
                    + " bytes, more than a log frame holds (" + MAX_BODY_SIZE + ")");
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_SIZE + (int) bodyLength + TRAILER_SIZE);
        frame.putInt(MAGIC).putInt((int) bodyLength).putLong(batch.firstPosition()).putInt(encoded.length);
        frame.putInt(crc(frame, 0, HEADER_CHECKED_BYTES));
        for (byte[] event : encoded) {
            frame.putInt(event.length).put(event);
        }
        frame.putInt(crc(frame, HEADER_SIZE, (int) bodyLength));
        return frame.flip();
    }

    /** The header that starts at {@code at}; {@link FrameHeader#checksumOk()} says whether to trust it. */
    static FrameHeader readHeader(ByteBuffer buffer, int at) {
        return new FrameHeader(buffer.getInt(at), buffer.getInt(at + 4), buffer.getLong(at + 8), buffer.getInt(at + 16),
                buffer.getInt(at + HEADER_CHECKED_BYTES) == crc(buffer, at, HEADER_CHECKED_BYTES));
    }

    /** Whether the body at {@code at} matches the checksum that follows it. */
    static boolean bodyIntact(ByteBuffer buffer, int at, int bodyLength) {
        return buffer.getInt(at + bodyLength) == crc(buffer, at, bodyLength);
    }

    private static int crc(ByteBuffer buffer, int at, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(at, length));
        return (int) crc.getValue();
    }
}
