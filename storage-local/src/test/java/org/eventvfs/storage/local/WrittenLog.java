package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.result;
import static org.eventvfs.testkit.EventChain.eventsOf;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.StreamHead;
import org.eventvfs.testkit.EventChain;

/**
 * The bytes of a log of stream {@code default} written by the store (appends of one to four
 * events per batch), its frames read with the documented format, and its events.
 */
record WrittenLog(byte[] bytes, List<Span> frames, List<EventEnvelope> events) {
    static final String LOG = "default.log";

    /** A frame of the written log: where it is and the positions it holds. */
    record Span(long start, long end, long firstPosition, long lastPosition) {
    }

    /** Writes the log into {@code folder} with a store of its own, and reads it back. */
    static WrittenLog write(Vertx vertx, Path folder) throws IOException {
        LocalEventStore store = result(LocalEventStore.open(vertx, folder, Durability.FSYNC));
        EventChain chain = new EventChain("default");
        List<EventBatch> all = new ArrayList<>();
        for (List<EventBatch> call : List.of(chain.batches(1, 3), chain.batches(1, 1), chain.batches(3, 2),
                chain.batches(1, 4), chain.batches(2, 3))) {
            result(store.append("default", eventsOf(all).size(), call));
            all.addAll(call);
        }
        result(store.close());
        byte[] bytes = Files.readAllBytes(folder.resolve(LOG));
        WrittenLog written = new WrittenLog(bytes, spans(bytes), eventsOf(all));
        assertThat(written.frames()).hasSize(all.size());
        return written;
    }

    Span frame(int index) {
        return frames.get(index < 0 ? frames.size() + index : index);
    }

    /** The frame that holds byte {@code offset}. */
    Span frameAt(long offset) {
        return frames.stream().filter(f -> f.start() <= offset && offset < f.end()).findFirst().orElseThrow();
    }

    /** The head after recovering a copy cut at {@code length}: the last frame that fits whole. */
    StreamHead headWithin(long length) {
        long position = 0;
        for (Span frame : frames) {
            if (frame.end() <= length) {
                position = frame.lastPosition();
            }
        }
        return position == 0 ? StreamHead.EMPTY : new StreamHead(position, events.get((int) position - 1).hash());
    }

    /** The bytes with the one at {@code at} flipped. */
    byte[] flipped(long at) {
        byte[] copy = bytes.clone();
        copy[(int) at] ^= (byte) 0xA5;
        return copy;
    }

    /** Walks the frames by the format in docs/log-format.md, not by the code under test. */
    private static List<Span> spans(byte[] log) {
        ByteBuffer buffer = ByteBuffer.wrap(log);
        List<Span> spans = new ArrayList<>();
        for (int at = 0; at < log.length; ) {
            assertThat(buffer.getInt(at)).isEqualTo(0x5646534C);
            int frameLength = 24 + buffer.getInt(at + 4) + 4;
            long first = buffer.getLong(at + 8);
            spans.add(new Span(at, at + frameLength, first, first + buffer.getInt(at + 16) - 1));
            at += frameLength;
        }
        return spans;
    }
}
