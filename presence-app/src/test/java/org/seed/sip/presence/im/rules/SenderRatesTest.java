package org.seed.sip.presence.im.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class SenderRatesTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aBurstPassesThenTheSenderWaitsForTheNextToken() {
        SenderRates rates = new SenderRates(2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(rates.take("bob@example.com", 0)).as("message %d of the burst", i).isEmpty();
        }
        assertThat(rates.take("bob@example.com", 0)).isEqualTo(OptionalLong.of(1));
        assertThat(rates.take("bob@example.com", SECOND / 2)).as("one token back after half a second at 2/s").isEmpty();
        assertThat(rates.take("bob@example.com", SECOND / 2)).isPresent();
    }

    @Test
    void eachSenderHasItsOwnBucket() {
        SenderRates rates = new SenderRates(1, 1);
        assertThat(rates.take("bob@example.com", 0)).isEmpty();
        assertThat(rates.take("192.0.2.7", 0)).isEmpty();
        assertThat(rates.take("bob@example.com", 0)).isPresent();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilATokenIsBack() {
        SenderRates rates = new SenderRates(1, 1);
        rates.take("slow", 0);
        assertThat(rates.take("slow", SECOND / 10)).isEqualTo(OptionalLong.of(1));
        SenderRates slower = new SenderRates(1, 5);
        for (int i = 0; i < 5; i++) {
            slower.take("s", 0);
        }
        assertThat(slower.take("s", 0)).isEqualTo(OptionalLong.of(1));
        assertThat(slower.take("s", 3 * SECOND)).as("three tokens back after three seconds").isEmpty();
    }
}
