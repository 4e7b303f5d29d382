package org.seed.sip.b2bua.timer;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The timers of an answered call: each leg's session timer and the maximum duration, combined into the one next
 * action, so that a call needs a single scheduled timer. Immutable: each event gives a new value, and the
 * timer is scheduled again for its {@link #next()}.
 *
 * @param maxDurationDeadline when the call ends whatever its legs do; null for no limit
 */
public record CallTimers(SessionTimer caller, SessionTimer callee, Instant maxDurationDeadline)
        implements Serializable {

    public enum Leg {
        /** The leg towards the party that sent the INVITE: the B2BUA is its UAS. */
        CALLER,
        /** The leg towards the party that answered: the B2BUA is its UAC. */
        CALLEE
    }

    private static final Comparator<TimerAction> FIRST = Comparator.comparing(TimerAction::at)
            .thenComparing(TimerAction::kind)
            .thenComparing(action -> action.leg() == null ? -1 : action.leg().ordinal());

    /** The timers of a call answered at {@code answeredAt}, with each leg's timer started by its 2xx. */
    public static CallTimers answered(TimerSettings settings, SessionTimer caller, SessionTimer callee,
            Instant answeredAt) {
        return new CallTimers(caller, callee, settings.maxDurationDeadline(answeredAt).orElse(null));
    }

    public SessionTimer timer(Leg leg) {
        return leg == Leg.CALLER ? caller : callee;
    }

    /** These timers with {@code leg}'s replaced (refreshed, refresh sent, or a new party after a transfer). */
    public CallTimers with(Leg leg, SessionTimer timer) {
        return leg == Leg.CALLER ? new CallTimers(timer, callee, maxDurationDeadline)
                : new CallTimers(caller, timer, maxDurationDeadline);
    }

    /** The earliest action; on a tie, ending the call comes before a refresh, and the caller's leg first. */
    public TimerAction next() {
        List<TimerAction> actions = new ArrayList<>();
        if (maxDurationDeadline != null) {
            actions.add(new TimerAction(TimerAction.Kind.MAX_DURATION, null, maxDurationDeadline));
        }
        for (Leg leg : Leg.values()) {
            SessionTimer timer = timer(leg);
            actions.add(new TimerAction(TimerAction.Kind.EXPIRE, leg, timer.expiresAt()));
            timer.refreshAt().ifPresent(at -> actions.add(new TimerAction(TimerAction.Kind.REFRESH, leg, at)));
        }
        return actions.stream().min(FIRST).orElseThrow();
    }

    /**
     * The action to take when the call's timer fires at {@code now}; empty when nothing is due yet (a refresh
     * since the timer was scheduled moved the deadline: schedule it again for {@link #next()}).
     */
    public Optional<TimerAction> due(Instant now) {
        TimerAction next = next();
        return next.at().isAfter(now) ? Optional.empty() : Optional.of(next);
    }
}
