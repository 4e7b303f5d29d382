package org.seed.sip.store.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdTest {

    @Test
    void idsOfLaterMillisecondsSortAfterAsText() {
        String earlier = new TimeOrderedId(Clock.fixed(Instant.parse("2026-12-01T10:00:00.001Z"), ZoneOffset.UTC)).next();
        String later = new TimeOrderedId(Clock.fixed(Instant.parse("2026-12-01T10:00:00.002Z"), ZoneOffset.UTC)).next();

        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void theyAreVersion7UuidsOfTheRfcVariant() {
        UUID id = UUID.fromString(new TimeOrderedId(Clock.systemUTC()).next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        TimeOrderedId ids = new TimeOrderedId(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertThat(ids.next()).isNotEqualTo(ids.next());
    }
}
