package org.eventvfs.storage.local;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Where some frames start, by their first position: one frame per {@value #INTERVAL} bytes of log,
 * so a read seeks close to its first event and the index of a million-event log stays a few
 * thousand entries. Written by the appending thread, read by any.
 */
final class FrameIndex {
    static final long INTERVAL = 64 * 1024;

    private final ConcurrentSkipListMap<Long, Long> offsets = new ConcurrentSkipListMap<>();
    private long lastIndexed = -INTERVAL;

    /** Records a frame, if it is far enough from the last one recorded; frames come in log order. */
    void add(long firstPosition, long offset) {
        if (offset - lastIndexed >= INTERVAL) {
            offsets.put(firstPosition, offset);
            lastIndexed = offset;
        }
    }

    /** The first position and offset of a frame at or before the one holding {@code position}. */
    Map.Entry<Long, Long> before(long position) {
        Map.Entry<Long, Long> entry = offsets.floorEntry(position);
        return entry != null ? entry : Map.entry(1L, 0L);
    }
}
