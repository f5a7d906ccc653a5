package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eventvfs.BlockCheck;
import org.eventvfs.Retention;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.EventStore;

/**
 * Reads back every block a retained revision references, whole, from the store itself (never a cache), and
 * checks that it is there, has the referenced length and hashes to its name.
 */
final class BlockVerifier {
    /** Blocks read at once: each is up to a block size in memory. */
    static final int PARALLEL_READS = 4;

    private final Vertx vertx;
    private final EventStore events;
    private final BlobStore blobs;
    private final Retention retention;
    private final Instant now;
    private final List<Sha256> missing = new ArrayList<>();
    private final List<Sha256> damaged = new ArrayList<>();

    /** Checks the blocks of the revisions that {@code retention} keeps at {@code now}. */
    BlockVerifier(Vertx vertx, EventStore events, BlobStore blobs, Retention retention, Instant now) {
        this.vertx = vertx;
        this.events = events;
        this.blobs = blobs;
        this.retention = retention;
        this.now = now;
    }

    Future<BlockCheck> verify() {
        return ReferencedBlocks.read(events, retention, now).compose(referenced -> {
            Iterator<Map.Entry<Sha256, Integer>> next = referenced.entrySet().iterator();
            List<Future<Void>> lanes = new ArrayList<>();
            for (int i = 0; i < PARALLEL_READS; i++) {
                lanes.add(checkFrom(next));
            }
            return Future.all(lanes).map(done -> {
                synchronized (this) {
                    return new BlockCheck(referenced.size(), missing, damaged);
                }
            });
        });
    }

    private Future<Void> checkFrom(Iterator<Map.Entry<Sha256, Integer>> blocks) {
        Map.Entry<Sha256, Integer> block;
        synchronized (this) {
            if (!blocks.hasNext()) {
                return Future.succeededFuture();
            }
            block = blocks.next();
        }
        return check(block.getKey(), block.getValue()).compose(done -> checkFrom(blocks));
    }

    /** Asks for one byte more than the length, so a block that grew shows too. */
    private Future<Void> check(Sha256 hash, int size) {
        return blobs.get(hash, 0, size + 1)
                .compose(bytes -> vertx.executeBlocking(() -> intact(hash, size, bytes), false))
                .transform((intact, failure) -> {
                    if (failure instanceof VfsException.NotFound) {
                        record(missing, hash);
                    } else if (failure != null) {
                        return Future.failedFuture(failure);
                    } else if (!intact) {
                        record(damaged, hash);
                    }
                    return Future.succeededFuture();
                });
    }

    private static boolean intact(Sha256 hash, int size, Buffer bytes) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(((BufferInternal) bytes).getByteBuf().nioBuffer());
        return bytes.length() == size && Sha256.of(digest.digest()).equals(hash);
    }

    private synchronized void record(List<Sha256> list, Sha256 hash) {
        list.add(hash);
    }
}
