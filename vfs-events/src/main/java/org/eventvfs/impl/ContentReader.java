package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;

/** Reads a range of a file's content, asking the blob store only for the blocks it overlaps. */
final class ContentReader {
    private final BlobStore blobs;

    ContentReader(BlobStore blobs) {
        this.blobs = blobs;
    }

    Future<Buffer> read(Content content, long offset, int length) {
        if (offset < 0 || length < 0) {
            return Future.failedFuture(new IllegalArgumentException("offset and length must be >= 0"));
        }
        long end = Math.min(content.size(), offset + length);
        List<Future<Buffer>> parts = new ArrayList<>();
        long blockStart = 0;
        for (BlockRef block : content.blocks()) {
            long blockEnd = blockStart + block.size();
            if (blockEnd > offset && blockStart < end) {
                long from = Math.max(offset, blockStart) - blockStart;
                long to = Math.min(end, blockEnd) - blockStart;
                parts.add(blobs.get(block.hash(), from, (int) (to - from)).recover(ContentReader::gone));
            }
            if (blockEnd >= end) {
                break;
            }
            blockStart = blockEnd;
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return Future.all(parts).map(all -> {
            Buffer out = Buffer.buffer((int) Math.max(0, end - offset));
            for (Future<Buffer> part : parts) {
                out.appendBuffer(part.result());
            }
            return out;
        });
    }

    /**
     * A referenced block that is not stored: the retention policy dropped this old revision's
     * content (or it was lost, which {@code vfs verify} tells). Said plainly rather than as a
     * missing file, since the file itself is there.
     */
    private static Future<Buffer> gone(Throwable failure) {
        if (failure instanceof VfsException.NotFound) {
            return Future.failedFuture(new VfsException.NotFound("the content of this revision is no longer stored"
                    + " (the retention policy dropped it, see docs/gc.md): " + failure.getMessage()));
        }
        return Future.failedFuture(failure);
    }
}
