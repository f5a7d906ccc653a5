package org.eventvfs.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Zeros written ahead of an append-only file's last record, as PostgreSQL does for its WAL: an
 * append that lands inside them does not change the file's size, so its sync writes data only and
 * does not wait for a journal commit (docs/log-format.md, "The runway"). Used by the event log and
 * by the blob store's packs.
 */
final class Runway {
    /** How far past the end zeros are written at once when an append runs past them. */
    static final int SIZE = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024);

    private Runway() {
    }

    /** Writes zeros from {@code from} up to {@code to}; the next sync with metadata makes them durable. */
    static void fill(FileChannel channel, long from, long to) throws IOException {
        for (long at = from; at < to; ) {
            ByteBuffer zeros = ZEROS.duplicate().clear().limit((int) Math.min(ZEROS.capacity(), to - at));
            at += channel.write(zeros, at);
        }
    }
}
