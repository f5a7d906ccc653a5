package org.eventvfs.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Reads a pack's record headers from its start, skipping over the bodies. It stops at the end of
 * the file, at zeros where a header would start (the runway: nothing was written there), or at
 * the first place that holds no whole record, which it reports.
 */
final class PackScan {
    /** Told where a scan stopped short of the file's end at something other than zeros. */
    interface Listener {
        void unreadable(Pack pack, long offset, long fileSize);
    }

    private PackScan() {
    }

    static void scan(Pack pack, Consumer<PackRecord> records, Listener listener) throws IOException {
        long size = pack.size();
        long offset = 0;
        while (offset < size) {
            ByteBuffer header = pack.header(offset);
            PackRecord record = PackRecord.parse(offset, header);
            if (record == null || record.offset() + record.size() > size) {
                if (record != null || !PackRecord.unwritten(header)) {
                    listener.unreadable(pack, offset, size);
                }
                return;
            }
            records.accept(record);
            offset += record.size();
        }
    }
}
