package org.eventvfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 6, Duration.ofMinutes(15), now::get);

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address);
        }
    }

    @Test
    void aFewFailuresCostNothing() {
        fail("192.0.2.1", 2);
        assertThat(throttle.delayBefore("192.0.2.1")).isZero();
        assertThat(throttle.refuses("192.0.2.1")).isFalse();
    }

    @Test
    void pastSlowAfterEachAttemptWaitsLonger() {
        fail("192.0.2.1", 3);
        assertThat(throttle.delayBefore("192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
        fail("192.0.2.1", 2);
        assertThat(throttle.delayBefore("192.0.2.1")).isEqualTo(Duration.ofSeconds(3));
        assertThat(throttle.refuses("192.0.2.1")).isFalse();
    }

    @Test
    void newLimitsCountTheFailuresSoFar() {
        fail("192.0.2.1", 4);
        fail("192.0.2.2", 1);

        throttle.limit(2, 4, Duration.ofMinutes(15));

        assertThat(throttle.refuses("192.0.2.1")).as("failed as often as the lowered banAfter").isTrue();
        assertThat(throttle.refuses("192.0.2.2")).isFalse();
        fail("192.0.2.2", 1);
        assertThat(throttle.delayBefore("192.0.2.2")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDelayIsCapped() {
        LoginThrottle lenient = new LoginThrottle(1, 1000, Duration.ofMinutes(15), now::get);
        for (int i = 0; i < 100; i++) {
            lenient.recordFailure("192.0.2.1");
        }
        assertThat(lenient.delayBefore("192.0.2.1")).isEqualTo(LoginThrottle.MAX_DELAY);
    }

    @Test
    void banAfterRefusesForTheBanTimeThenForgets() {
        fail("192.0.2.1", 5);
        assertThat(throttle.recordFailure("192.0.2.1")).as("the sixth failure bans").isTrue();
        assertThat(throttle.refuses("192.0.2.1")).isTrue();
        now.addAndGet(Duration.ofMinutes(15).toMillis() - 1);
        assertThat(throttle.refuses("192.0.2.1")).isTrue();
        now.addAndGet(1);
        assertThat(throttle.refuses("192.0.2.1")).isFalse();
        assertThat(throttle.delayBefore("192.0.2.1")).as("a fresh start").isZero();
    }

    @Test
    void theBanRunsFromTheFailureThatEarnedIt() {
        fail("192.0.2.1", 5);
        now.addAndGet(Duration.ofMinutes(10).toMillis());
        fail("192.0.2.1", 1);
        now.addAndGet(Duration.ofMinutes(10).toMillis());
        assertThat(throttle.refuses("192.0.2.1")).isTrue();
    }

    @Test
    void oldFailuresAreForgotten() {
        fail("192.0.2.1", 5);
        now.addAndGet(Duration.ofMinutes(15).toMillis());
        fail("192.0.2.1", 1);
        assertThat(throttle.refuses("192.0.2.1")).isFalse();
        assertThat(throttle.delayBefore("192.0.2.1")).isZero();
    }

    @Test
    void addressesAreCountedApart() {
        fail("192.0.2.1", 6);
        assertThat(throttle.refuses("192.0.2.1")).isTrue();
        assertThat(throttle.refuses("192.0.2.2")).isFalse();
        assertThat(throttle.delayBefore("192.0.2.2")).isZero();
    }

    @Test
    void manyAddressesDoNotGrowWithoutBound() {
        for (int i = 0; i < 15_000; i++) {
            throttle.recordFailure("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(throttle.tracked()).isEqualTo(15_000);
        now.addAndGet(Duration.ofMinutes(16).toMillis());
        for (int i = 0; i < 20_001; i++) {
            throttle.recordFailure("10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(throttle.tracked()).as("the expired ones were swept").isEqualTo(20_001);
    }
}
