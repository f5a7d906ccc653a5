package org.eventvfs.nio;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.eventvfs.Volume;
import org.eventvfs.domain.Content;

/**
 * Reads one revision for a read-only channel. A read that goes on where the last one ended (a
 * download: SFTP clients ask for 32 KiB at a time, in order) is served from a window of
 * {@link #WINDOW} bytes, and the next window is fetched while the client takes this one, so the
 * blob store is asked once per window instead of once per request; a read that ends in the next
 * window takes its two parts from both. Other reads go to the store as they are.
 */
final class SequentialReader {
    static final int WINDOW = 1 << 20;

    private final Volume volume;
    private final Content content;
    private long lastEnd = -1;
    private long windowIndex = -1;
    private Buffer window;
    private long nextIndex = -1;
    private Future<Buffer> next;

    SequentialReader(Volume volume, Content content) {
        this.volume = volume;
        this.content = content;
    }

    /** Up to {@code length} bytes from {@code at}, which is before the end of the content. */
    Buffer read(long at, int length) {
        boolean sequential = at == lastEnd;
        lastEnd = at + length;
        long index = at / WINDOW;
        long lastIndex = (at + length - 1) / WINDOW;
        if (lastIndex > index + 1 || (!sequential && index != windowIndex)) {
            return volume.read(content, at, length).await();
        }
        int from = (int) (at - index * WINDOW);
        Buffer in = window(index);
        if (lastIndex == index) {
            return in.slice(from, Math.min(from + length, in.length()));
        }
        // The read goes on into the next window, fetched meanwhile (a download from a REST offset).
        int head = in.length() - from;
        return Buffer.buffer(length).appendBuffer(in, from, head).appendBuffer(window(lastIndex), 0, length - head);
    }

    private Buffer window(long index) {
        if (index != windowIndex) {
            window = (index == nextIndex ? next : fetch(index)).await();
            windowIndex = index;
            nextIndex = index + 1;
            next = nextIndex * WINDOW < content.size() ? fetch(nextIndex) : null;
        }
        return window;
    }

    private Future<Buffer> fetch(long index) {
        long start = index * WINDOW;
        return volume.read(content, start, (int) Math.min(WINDOW, content.size() - start));
    }
}
