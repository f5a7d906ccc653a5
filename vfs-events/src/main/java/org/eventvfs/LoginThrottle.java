package org.eventvfs;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Failed logins per remote address, and what they earn it: after {@code slowAfter} failures each
 * further attempt is answered one second later per failure past that (at most {@link #MAX_DELAY});
 * after {@code banAfter} the address is refused for {@code banTime}. Failures are forgotten
 * {@code banTime} after the first one of a run, so a user who mistypes now and then is never banned.
 * A success does not reset the count: otherwise one valid account would let an attacker guess the
 * passwords of others at full speed between its own logins.
 */
public final class LoginThrottle {
    public static final Duration MAX_DELAY = Duration.ofSeconds(10);
    /** The settings of an adapter's section that set its throttle, which {@link #limit} changes while it runs. */
    public static final Set<String> SETTINGS = Set.of("slowAfter", "banAfter", "banMinutes");
    /** Expired addresses are swept once this many are tracked, and again each time that doubles. */
    private static final int FIRST_SWEEP = 10_000;

    private int slowAfter;
    private int banAfter;
    private long banMillis;
    private final LongSupplier clock;
    private final Map<String, Failures> byAddress = new HashMap<>();
    private int sweepAt = FIRST_SWEEP;

    /** @param clock epoch milliseconds */
    public LoginThrottle(int slowAfter, int banAfter, Duration banTime, LongSupplier clock) {
        this.slowAfter = slowAfter;
        this.banAfter = banAfter;
        this.banMillis = banTime.toMillis();
        this.clock = clock;
    }

    /**
     * New limits, from the next attempt on; failures counted so far stay counted, so an address
     * that already failed as often as a lowered {@code banAfter} is refused at once.
     */
    public synchronized void limit(int newSlowAfter, int newBanAfter, Duration newBanTime) {
        slowAfter = newSlowAfter;
        banAfter = newBanAfter;
        banMillis = newBanTime.toMillis();
    }

    /** A throttle on the wall clock. */
    public static LoginThrottle of(int slowAfter, int banAfter, Duration banTime) {
        return new LoginThrottle(slowAfter, banAfter, banTime, System::currentTimeMillis);
    }

    /** True while {@code address} is banned. */
    public synchronized boolean refuses(String address) {
        Failures failures = current(address);
        return failures != null && failures.count >= banAfter;
    }

    /** How long to wait before checking the next attempt from {@code address}; zero for most. */
    public synchronized Duration delayBefore(String address) {
        Failures failures = current(address);
        if (failures == null || failures.count < slowAfter) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(failures.count - slowAfter + 1L);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Counts a failed login; true if this one got the address banned. */
    public synchronized boolean recordFailure(String address) {
        long now = clock.getAsLong();
        if (byAddress.size() >= sweepAt) {
            byAddress.values().removeIf(failures -> failures.expired(now, banMillis));
            sweepAt = Math.max(FIRST_SWEEP, 2 * byAddress.size());
        }
        Failures failures = current(address);
        if (failures == null) {
            failures = new Failures(now);
            byAddress.put(address, failures);
        }
        failures.count++;
        if (failures.count == banAfter) {
            // The ban runs for the full time from the failure that earned it.
            failures.since = now;
            return true;
        }
        return false;
    }

    /** How many addresses are remembered. */
    public synchronized int tracked() {
        return byAddress.size();
    }

    private Failures current(String address) {
        Failures failures = byAddress.get(address);
        if (failures != null && failures.expired(clock.getAsLong(), banMillis)) {
            byAddress.remove(address);
            return null;
        }
        return failures;
    }

    private static final class Failures {
        long since;
        int count;

        Failures(long since) {
            this.since = since;
        }

        boolean expired(long now, long banMillis) {
            return now - since >= banMillis;
        }
    }
}
