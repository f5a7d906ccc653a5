package org.eventvfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eventvfs.spi.BlobUsage;
import org.junit.jupiter.api.Test;

class BlobUsageMeterTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    /** The walks the meter started, each ending when the test says. */
    private final List<Promise<BlobUsage>> walks = new ArrayList<>();
    private final BlobUsageMeter meter = new BlobUsageMeter(this::walk, Duration.ofMinutes(1), clock::get);

    private Future<BlobUsage> walk() {
        Promise<BlobUsage> walk = Promise.promise();
        walks.add(walk);
        return walk.future();
    }

    @Test
    void answersAtOnceWithTheLastMeasurementAndStartsOneWalkAtATime() {
        assertThat(meter.latest()).isNull();
        assertThat(meter.latest()).isNull();
        assertThat(walks).hasSize(1);

        clock.addAndGet(2_000);
        walks.getFirst().complete(new BlobUsage(3, 300));

        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(3, 300));
        assertThat(meter.latest().measured().toEpochMilli()).isEqualTo(1_002_000);
        assertThat(walks).hasSize(1);
    }

    @Test
    void measuresAgainOnceAMinuteAfterTheLastWalkStarted() {
        meter.latest();
        walks.getFirst().complete(new BlobUsage(1, 10));
        clock.addAndGet(59_999);
        meter.latest();
        assertThat(walks).hasSize(1);

        clock.addAndGet(1);
        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(1, 10));
        walks.getLast().complete(new BlobUsage(2, 30));

        assertThat(walks).hasSize(2);
        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(2, 30));
    }

    @Test
    void aFailedWalkKeepsTheLastMeasurementAndIsNotRetriedAtOnce() {
        meter.latest();
        walks.getFirst().complete(new BlobUsage(1, 10));
        clock.addAndGet(60_000);
        meter.latest();
        walks.getLast().fail("the bucket did not answer");

        assertThat(meter.latest().usage()).isEqualTo(new BlobUsage(1, 10));
        assertThat(walks).hasSize(2);
    }
}
