package org.seed.sip.store.calls;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Record ids in the layout of RFC 9562's UUID version 7: the creation time in milliseconds first, then
 * random bits. Their text sorts by time, so a new record's key lands at the end of the primary key's index
 * instead of on a random page of it: with random UUIDs every call dirtied another index page, which the
 * next checkpoint had to write (H2's page serialisation was the largest cost of a call under load).
 */
final class TimeOrderedId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private final Clock clock;

    TimeOrderedId(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long millis = clock.millis();
        long high = (millis << 16) | VERSION_7 | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fff_ffff_ffff_ffffL) | VARIANT_RFC;
        return new UUID(high, low).toString();
    }
}
