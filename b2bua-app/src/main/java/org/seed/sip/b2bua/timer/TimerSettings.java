package org.seed.sip.b2bua.timer;

import java.time.Instant;
import java.util.Optional;

/**
 * The B2BUA's timer configuration ({@code b2bua.session.expires}, {@code b2bua.session.min.se},
 * {@code b2bua.max.duration} in conf/platform.properties).
 *
 * @param sessionExpires     the session interval the B2BUA asks for, and the longest it grants (seconds)
 * @param minSe              the shortest session interval it accepts (seconds); shorter requests get 422
 * @param maxDurationSeconds the longest a call may last from its answer; 0 for no limit
 */
public record TimerSettings(int sessionExpires, int minSe, int maxDurationSeconds) {

    public TimerSettings {
        // RFC 4028 §5: a Min-SE below 90 seconds is not allowed
        if (minSe < TimerHeaders.ABSOLUTE_MIN_SE) {
            throw new IllegalArgumentException("b2bua.session.min.se must be at least 90, not " + minSe);
        }
        // RFC 4028 §7.1: what a UAC asks for is never below the Min-SE it sends
        if (sessionExpires < minSe) {
            throw new IllegalArgumentException("b2bua.session.expires (" + sessionExpires
                    + ") must be at least b2bua.session.min.se (" + minSe + ")");
        }
        if (maxDurationSeconds < 0) {
            throw new IllegalArgumentException("b2bua.max.duration must be 0 (no limit) or more, not "
                    + maxDurationSeconds);
        }
    }

    /** When a call answered at {@code answeredAt} must be ended whatever its timers say; empty for no limit. */
    public Optional<Instant> maxDurationDeadline(Instant answeredAt) {
        return maxDurationSeconds == 0 ? Optional.empty() : Optional.of(answeredAt.plusSeconds(maxDurationSeconds));
    }
}
