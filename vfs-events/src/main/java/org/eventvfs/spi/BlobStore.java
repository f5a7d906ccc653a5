package org.eventvfs.spi;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import org.eventvfs.domain.Sha256;

/**
 * A content-addressed store of blocks: each block is stored under its SHA-256, once. A block is
 * durable when {@link #put} completes, before any event refers to it.
 */
public interface BlobStore {
    /**
     * How far before a {@link #put} a block already stored may keep its stored time: a store may
     * skip refreshing a block it stored this recently. The garbage collector's grace covers it.
     */
    Duration REFRESH_SLACK = Duration.ofHours(1);

    /** True if the block is stored. */
    Future<Boolean> contains(Sha256 hash);

    /**
     * Stores a block under the SHA-256 of its bytes and answers that hash; storing a block twice is
     * harmless. The store hashes what it writes, so no caller can file bytes under a wrong name, and
     * it does not keep {@code block} once the future completes, so the caller may reuse it. A block
     * already stored gets its stored time refreshed (see {@link StoredBlock#stored()}), so the
     * garbage collector's grace period counts from the last put of a block, not the first.
     */
    Future<Sha256> put(Buffer block);

    /**
     * Reads {@code length} bytes of a block from {@code offset} (fewer at its end). Fails with
     * {@link org.eventvfs.domain.VfsException.NotFound} if the block is missing.
     */
    Future<Buffer> get(Sha256 hash, long offset, int length);

    /** Deletes a block; deleting a missing block is harmless. Only the garbage collector calls it. */
    Future<Void> delete(Sha256 hash);

    /**
     * Every stored block, for the garbage collector and {@code vfs verify}. A listing, not a
     * snapshot: blocks put or deleted while it runs may or may not appear.
     */
    Future<List<StoredBlock>> list();

    /**
     * The blocks stored and their bytes: a walk of the whole store, as costly as {@link #list()},
     * so callers cache it. A count, not a snapshot, like the listing.
     */
    Future<BlobUsage> usage();

    /** Releases files and connections. */
    Future<Void> close();
}
