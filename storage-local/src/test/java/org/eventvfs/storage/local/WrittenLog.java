package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.result;
import static org.eventvfs.testkit.EventChain.eventsOf;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.StreamHead;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.LocalLogFrames;
import org.eventvfs.testkit.LocalLogFrames.Frame;

/**
 * The bytes of a log of stream {@code default} written by the store (appends of one to four
 * events per batch), its frames read with the documented format, and its events.
 */
record WrittenLog(byte[] bytes, List<Frame> frames, List<EventEnvelope> events) {
    static final String LOG = "default.log";

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
        WrittenLog written = new WrittenLog(bytes, LocalLogFrames.of(bytes), eventsOf(all));
        assertThat(written.frames()).hasSize(all.size());
        return written;
    }

    Frame frame(int index) {
        return frames.get(index < 0 ? frames.size() + index : index);
    }

    /** The frame that holds byte {@code offset}. */
    Frame frameAt(long offset) {
        return LocalLogFrames.at(frames, offset);
    }

    /** The head after recovering a copy cut at {@code length}: the last frame that fits whole. */
    StreamHead headWithin(long length) {
        long position = 0;
        for (Frame frame : frames) {
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
}
