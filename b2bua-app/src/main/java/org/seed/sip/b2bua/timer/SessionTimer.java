package org.seed.sip.b2bua.timer;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One leg's session timer (RFC 4028 §10) as pure computations over instants: when the B2BUA must send a
 * refresh, if it is the refresher, and when it must end the session if no refresh has been seen.
 *
 * @param terms       what the leg agreed on
 * @param refreshedAt when the session was last refreshed (the 2xx that set {@code terms})
 * @param nextRefresh when the B2BUA sends its next refresh; null when none is due: the other party refreshes,
 *                    the B2BUA's refresh is on its way, or no retry fits before the session expires
 */
public record SessionTimer(SessionTerms terms, Instant refreshedAt, Instant nextRefresh) implements Serializable {

    /** §10's largest margin: the non-refresher ends the session this long before it would expire at most. */
    private static final Duration MARGIN = Duration.ofSeconds(32);
    /**
     * A failed refresh is retried only if the retry leaves at least this: RFC 3261 §14.1's longest wait
     * after a 491, so that a glare has passed.
     */
    private static final Duration SHORTEST_RETRY = Duration.ofSeconds(4);

    /** The timer of a leg whose session was (re)freshed at {@code now} on {@code terms}. */
    public static SessionTimer start(SessionTerms terms, Instant now) {
        // §7.2, §9: the refresher sends its refresh when half the session interval has elapsed, which leaves
        // time for a second attempt before the session expires
        return new SessionTimer(terms, now,
                terms.b2buaRefreshes() ? now.plus(interval(terms).dividedBy(2)) : null);
    }

    /** When the B2BUA must send a re-INVITE or UPDATE on this leg; empty when none is due. */
    public Optional<Instant> refreshAt() {
        return Optional.ofNullable(nextRefresh);
    }

    /**
     * When the B2BUA ends the session unless it was refreshed before. §10: the side that does not refresh sends
     * BYE "slightly before the session expiration", by the minimum of 32 seconds and a third of the interval.
     * When the B2BUA refreshes it learns of a failed refresh from its answer (408, 481); this deadline is then
     * the session's expiry itself, for refreshes that could not be sent or kept failing otherwise.
     */
    public Instant expiresAt() {
        Duration interval = interval(terms);
        if (terms.b2buaRefreshes()) {
            return refreshedAt.plus(interval);
        }
        Duration margin = interval.dividedBy(3);
        return refreshedAt.plus(interval).minus(margin.compareTo(MARGIN) < 0 ? margin : MARGIN);
    }

    /** A 2xx to a re-INVITE or UPDATE on this leg, in either direction, refreshed the session (§10). */
    public SessionTimer refreshed(Instant now) {
        return start(terms, now);
    }

    /** As {@link #refreshed(Instant)}, with the terms that request negotiated (§7.2 or §9 applied to it). */
    public SessionTimer refreshed(Instant now, SessionTerms negotiated) {
        return start(negotiated, now);
    }

    /** The B2BUA sent the refresh that was due: no other until its answer. */
    public SessionTimer refreshSent() {
        return new SessionTimer(terms, refreshedAt, null);
    }

    /**
     * The B2BUA's refresh failed without ending the session ({@link RefreshOutcome#NOT_REFRESHED}): try again
     * halfway through the time left, if that is not too close to the expiry. Only a refresh the B2BUA had
     * sent is retried; the failure of any other request (a relayed re-INVITE) changes nothing.
     */
    public SessionTimer refreshFailed(Instant now) {
        if (!terms.b2buaRefreshes() || nextRefresh != null) {
            return this;
        }
        Duration half = Duration.between(now, expiresAt()).dividedBy(2);
        return new SessionTimer(terms, refreshedAt, half.compareTo(SHORTEST_RETRY) < 0 ? null : now.plus(half));
    }

    private static Duration interval(SessionTerms terms) {
        return Duration.ofSeconds(terms.intervalSeconds());
    }
}
