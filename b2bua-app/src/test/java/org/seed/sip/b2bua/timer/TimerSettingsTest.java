package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TimerSettingsTest {

    private static final Instant ANSWER = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void rfc4028Section5MinSeBelow90IsRefused() {
        assertThatThrownBy(() -> new TimerSettings(1800, 89, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b2bua.session.min.se");
    }

    @Test
    void rfc4028Section7_1SessionExpiresBelowMinSeIsRefused() {
        assertThatThrownBy(() -> new TimerSettings(120, 180, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b2bua.session.expires");
    }

    @Test
    void negativeMaxDurationIsRefused() {
        assertThatThrownBy(() -> new TimerSettings(1800, 90, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b2bua.max.duration");
    }

    @Test
    void maxDurationCountsFromTheAnswer() {
        assertThat(new TimerSettings(1800, 90, 14400).maxDurationDeadline(ANSWER))
                .contains(Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void maxDurationZeroIsNoLimit() {
        assertThat(new TimerSettings(1800, 90, 0).maxDurationDeadline(ANSWER)).isEmpty();
    }
}
