package org.eventvfs.impl;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eventvfs.GcReport;
import org.eventvfs.Retention;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.StoredBlock;

/**
 * One garbage collection: marks every block an event references, lists the stored ones, and
 * deletes those unreferenced and last stored before the grace period. Uploads store blocks before
 * their event is appended; the grace period covers those that a listing catches between the two
 * (a put refreshes a block's time), and the {@link CollectionGuard} those whose put races the
 * delete in this process. The listing is taken after marking began, so a block whose event is
 * appended after the marking was necessarily put within the grace period, or while collecting.
 */
final class BlockCollector {
    /** Deletes in flight at once: enough to hide a round trip to S3, few enough to stay polite. */
    static final int PARALLEL_DELETES = 8;

    private final EventStore events;
    private final CollectionGuard guard;
    private final Consumer<Sha256> evicted;

    /** @param evicted called for each deleted block, so a cache in front of the store drops it */
    BlockCollector(EventStore events, CollectionGuard guard, Consumer<Sha256> evicted) {
        this.events = events;
        this.guard = guard;
        this.evicted = evicted;
    }

    /** Collects what is unreferenced under {@code retention} and older than {@code grace} at {@code now}. */
    Future<GcReport> collect(Instant now, Duration grace, Retention retention, boolean dryRun) {
        Instant cutoff = now.minus(grace);
        guard.beginCollection();
        return guard.list().compose(listed -> ReferencedBlocks.read(events, retention, now).compose(referenced -> {
            List<Sha256> collected = new ArrayList<>();
            int young = 0;
            for (StoredBlock block : listed) {
                if (referenced.containsKey(block.hash())) {
                    continue;
                }
                if (block.stored().isBefore(cutoff)) {
                    collected.add(block.hash());
                } else {
                    young++;
                }
            }
            int youngBlocks = young;
            if (dryRun) {
                return Future.succeededFuture(new GcReport(listed.size(), referenced.size(), youngBlocks, collected,
                        0, true));
            }
            return delete(collected).map(kept -> new GcReport(listed.size(), referenced.size(), youngBlocks,
                    collected, kept, false));
        })).eventually(() -> {
            guard.endCollection();
            return Future.succeededFuture();
        });
    }

    /** Deletes the blocks, {@link #PARALLEL_DELETES} at a time; answers how many were kept after all. */
    private Future<Integer> delete(List<Sha256> blocks) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger kept = new AtomicInteger();
        List<Future<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < PARALLEL_DELETES; i++) {
            lanes.add(deleteFrom(blocks, next, kept));
        }
        return Future.all(lanes).map(done -> kept.get());
    }

    private Future<Void> deleteFrom(List<Sha256> blocks, AtomicInteger next, AtomicInteger kept) {
        int i = next.getAndIncrement();
        if (i >= blocks.size()) {
            return Future.succeededFuture();
        }
        Sha256 hash = blocks.get(i);
        return guard.collect(hash).compose(deleted -> {
            if (deleted) {
                evicted.accept(hash);
            } else {
                kept.incrementAndGet();
            }
            return deleteFrom(blocks, next, kept);
        });
    }
}
