package org.eventvfs.testkit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an embedded (storage-local) log file, walked by the format in docs/log-format.md
 * rather than by the code under test: for tests that damage a log and check what is reported.
 */
public final class LocalLogFrames {
    private static final int MAGIC = 0x5646534C;
    private static final int HEADER = 24;
    private static final int TRAILER = 4;

    private LocalLogFrames() {
    }

    /** A frame: the bytes it takes and the positions it holds. */
    public record Frame(long start, long end, long firstPosition, long lastPosition) {
        public boolean holds(long offset) {
            return start <= offset && offset < end;
        }
    }

    /**
     * Every frame of a whole log, in order, up to the runway of zeros an open log keeps after its
     * frames; fails if the bytes are not that.
     */
    public static List<Frame> of(byte[] log) {
        ByteBuffer buffer = ByteBuffer.wrap(log);
        List<Frame> frames = new ArrayList<>();
        for (int at = 0; at < log.length; ) {
            if (zeroFrom(log, at)) {
                break;
            }
            if (buffer.getInt(at) != MAGIC) {
                throw new IllegalArgumentException("no frame starts at byte " + at);
            }
            int length = HEADER + buffer.getInt(at + 4) + TRAILER;
            long first = buffer.getLong(at + 8);
            frames.add(new Frame(at, at + length, first, first + buffer.getInt(at + 16) - 1));
            at += length;
        }
        return frames;
    }

    /** The bytes the frames take: the log without its runway. */
    public static long framesEnd(byte[] log) {
        List<Frame> frames = of(log);
        return frames.isEmpty() ? 0 : frames.getLast().end();
    }

    private static boolean zeroFrom(byte[] log, int from) {
        for (int i = from; i < log.length; i++) {
            if (log[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The frame that holds byte {@code offset}. */
    public static Frame at(List<Frame> frames, long offset) {
        return frames.stream().filter(f -> f.holds(offset)).findFirst().orElseThrow();
    }
}
