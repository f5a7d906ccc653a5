package org.eventvfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.BlobStore;
import org.eventvfs.spi.BlobUsage;
import org.eventvfs.spi.StoredBlock;
import org.junit.jupiter.api.Test;

class BlobUsageMeterTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final MeasuredStore store = new MeasuredStore();
    private final BlobUsageMeter meter = new BlobUsageMeter(store, Duration.ofMinutes(1), clock::get);

    @Test
    void answersAtOnceWithTheLastMeasurementAndStartsOneWalkAtATime() {
        assertThat(meter.latest()).isNull();
        assertThat(meter.latest()).isNull();
        assertThat(store.walks).hasSize(1);

        clock.addAndGet(2_000);
        store.walks.getFirst().complete(new BlobUsage(3, 300));

        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(3, 300));
        assertThat(meter.latest().measured().toEpochMilli()).isEqualTo(1_002_000);
        assertThat(store.walks).hasSize(1);
    }

    @Test
    void measuresAgainOnceAMinuteAfterTheLastWalkStarted() {
        meter.latest();
        store.walks.getFirst().complete(new BlobUsage(1, 10));
        clock.addAndGet(59_999);
        meter.latest();
        assertThat(store.walks).hasSize(1);

        clock.addAndGet(1);
        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(1, 10));
        store.walks.getLast().complete(new BlobUsage(2, 30));

        assertThat(store.walks).hasSize(2);
        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(2, 30));
    }

    @Test
    void aFailedWalkKeepsTheLastMeasurementAndIsNotRetriedAtOnce() {
        meter.latest();
        store.walks.getFirst().complete(new BlobUsage(1, 10));
        clock.addAndGet(60_000);
        meter.latest();
        store.walks.getLast().fail("the bucket did not answer");

        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(1, 10));
        assertThat(store.walks).hasSize(2);
    }

    /** A store whose walks end when the test says, the only thing the meter asks of it. */
    private static final class MeasuredStore implements BlobStore {
        final List<Promise<BlobUsage>> walks = new ArrayList<>();

        @Override
        public Future<BlobUsage> usage() {
            Promise<BlobUsage> walk = Promise.promise();
            walks.add(walk);
            return walk.future();
        }

        @Override
        public Future<Boolean> contains(Sha256 hash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Sha256> put(Buffer block) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Buffer> get(Sha256 hash, long offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> delete(Sha256 hash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<List<StoredBlock>> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }
}
