package org.eventvfs.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for command and event ids. They must be unique, not unguessable, so
 * they come from {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}'s SecureRandom,
 * which costs a microsecond and a lock on every command.
 */
public final class Ids {
    private Ids() {
    }

    public static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
