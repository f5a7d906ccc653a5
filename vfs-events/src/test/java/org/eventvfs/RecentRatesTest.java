package org.eventvfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eventvfs.RecentRates.Sample;
import org.junit.jupiter.api.Test;

class RecentRatesTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachWindowCountsFromItsOldestSample() {
        RecentRates rates = new RecentRates(new Sample(0, 0, 0, 0));
        for (int s = 1; s <= 120; s++) {
            // 5 commands and 1,000 bytes in a second until second 100, then nothing.
            long busy = Math.min(s, 100);
            rates.add(new Sample(s * SECOND, 5 * busy, 1_000 * busy, 0));
        }

        List<VfsStats.Rate> now = rates.rates(new Sample(120 * SECOND, 500, 100_000, 0));

        assertThat(now).extracting(VfsStats.Rate::seconds).containsExactly(10, 60);
        assertThat(now.get(0).commandsPerSecond()).isZero();
        assertThat(now.get(1).commandsPerSecond()).isEqualTo(5 * 40 / 60.0);
        assertThat(now.get(1).bytesInPerSecond()).isEqualTo(1_000 * 40 / 60.0);
    }

    @Test
    void aYoungServerReportsOverTheTimeItHasRun() {
        RecentRates rates = new RecentRates(new Sample(0, 0, 0, 0));
        rates.add(new Sample(SECOND, 4, 0, 100));

        List<VfsStats.Rate> now = rates.rates(new Sample(2 * SECOND, 10, 0, 300));

        assertThat(now).allSatisfy(rate -> {
            assertThat(rate.commandsPerSecond()).isEqualTo(5);
            assertThat(rate.bytesOutPerSecond()).isEqualTo(150);
        });
    }

    @Test
    void withNoTimePassedTheRateIsZero() {
        RecentRates rates = new RecentRates(new Sample(7, 0, 0, 0));

        assertThat(rates.rates(new Sample(7, 3, 3, 3))).allSatisfy(rate ->
                assertThat(rate.commandsPerSecond()).isZero());
    }
}
