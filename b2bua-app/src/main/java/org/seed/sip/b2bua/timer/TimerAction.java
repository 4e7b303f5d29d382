package org.seed.sip.b2bua.timer;

import java.time.Duration;
import java.time.Instant;

/**
 * The next thing a call's timers ask of the B2BUA, and when.
 *
 * @param leg the leg to refresh or whose session expired; null for {@link Kind#MAX_DURATION}
 */
public record TimerAction(Kind kind, CallTimers.Leg leg, Instant at) {

    /** In the order they are taken when due at the same instant: ending the call first. */
    public enum Kind {
        /** {@code b2bua.max.duration} reached: end both legs. */
        MAX_DURATION,
        /** The leg's session expired (RFC 4028 §10): end both legs. */
        EXPIRE,
        /** Send the leg's refresh (re-INVITE, or UPDATE where the party allows it), then mark it sent. */
        REFRESH
    }

    /** How long from {@code now} until the action is due; zero when it already is. */
    public Duration delayFrom(Instant now) {
        Duration delay = Duration.between(now, at);
        return delay.isNegative() ? Duration.ZERO : delay;
    }
}
