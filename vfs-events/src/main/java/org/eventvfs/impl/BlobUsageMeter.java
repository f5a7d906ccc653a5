package org.eventvfs.impl;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eventvfs.MeasuredBlobUsage;
import org.eventvfs.spi.BlobUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store's usage for stats. Measuring walks the whole store (a folder walk, or a listing
 * of every object in S3), so a measurement starts at most once per interval, never while another
 * runs, and every answer is the last one finished, at once: a stats request never waits for a walk.
 */
final class BlobUsageMeter {
    private static final Logger LOG = LoggerFactory.getLogger(BlobUsageMeter.class);

    /** Walks the store and answers its usage: all the meter needs of a blob store. */
    private final Supplier<Future<BlobUsage>> walk;
    private final long intervalMillis;
    private final LongSupplier clock;
    private MeasuredBlobUsage last;
    private long lastStarted;
    private boolean measuring;

    BlobUsageMeter(Supplier<Future<BlobUsage>> walk, Duration interval, LongSupplier clock) {
        this.walk = walk;
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.lastStarted = clock.getAsLong() - intervalMillis;
    }

    /**
     * The last measurement, or null before the first one ends; starts the next one if the interval
     * has passed since the last one started and none is running.
     */
    synchronized MeasuredBlobUsage latest() {
        long now = clock.getAsLong();
        if (!measuring && now - lastStarted >= intervalMillis) {
            measuring = true;
            lastStarted = now;
            walk.get().onComplete(this::measured);
        }
        return last;
    }

    private synchronized void measured(AsyncResult<BlobUsage> usage) {
        measuring = false;
        if (usage.succeeded()) {
            last = new MeasuredBlobUsage(usage.result(), Instant.ofEpochMilli(clock.getAsLong()));
        } else {
            LOG.warn("cannot measure the blob store: {}", usage.cause().toString());
        }
    }
}
