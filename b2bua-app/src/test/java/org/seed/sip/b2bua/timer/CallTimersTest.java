package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.seed.sip.b2bua.timer.CallTimers.Leg;
import org.seed.sip.b2bua.timer.TimerAction.Kind;

class CallTimersTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final TimerSettings UNLIMITED = new TimerSettings(1800, 90, 0);

    /** The caller refreshes its leg (§9, refresher=uac), the B2BUA refreshes the callee's (§7.2). */
    private final CallTimers call = CallTimers.answered(UNLIMITED,
            SessionTimer.start(SessionTerms.refreshedByPeer(1800), T0),
            SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0), T0);

    @Test
    void rfc4028Section7_2FirstTheB2buaRefreshesTheLegItIsRefresherOf() {
        assertThat(call.next()).isEqualTo(new TimerAction(Kind.REFRESH, Leg.CALLEE, T0.plusSeconds(900)));
    }

    @Test
    void rfc4028Section10WithTheRefreshSentNextIsTheCallersExpiry() {
        CallTimers sent = call.with(Leg.CALLEE, call.callee().refreshSent());

        assertThat(sent.next()).isEqualTo(new TimerAction(Kind.EXPIRE, Leg.CALLER, T0.plusSeconds(1768)));
    }

    @Test
    void rfc4028Section10ARefreshedLegMovesItsExpiry() {
        Instant refresh = T0.plusSeconds(800);
        CallTimers refreshed = call.with(Leg.CALLER, call.caller().refreshed(refresh))
                .with(Leg.CALLEE, call.callee().refreshSent());

        assertThat(refreshed.next()).isEqualTo(new TimerAction(Kind.EXPIRE, Leg.CALLEE, T0.plusSeconds(1800)));
    }

    @Test
    void maxDurationComesFirstWhenShorterThanTheTimers() {
        CallTimers limited = CallTimers.answered(new TimerSettings(1800, 90, 600), call.caller(), call.callee(), T0);

        assertThat(limited.next()).isEqualTo(new TimerAction(Kind.MAX_DURATION, null, T0.plusSeconds(600)));
    }

    @Test
    void maxDurationZeroNeverEndsTheCall() {
        assertThat(call.maxDurationDeadline()).isNull();
        assertThat(call.next().kind()).isNotEqualTo(Kind.MAX_DURATION);
    }

    @Test
    void endingTheCallWinsOverARefreshDueAtTheSameInstant() {
        CallTimers limited = CallTimers.answered(new TimerSettings(1800, 90, 900), call.caller(), call.callee(), T0);

        assertThat(limited.next().kind()).isEqualTo(Kind.MAX_DURATION);
    }

    @Test
    void onATieTheCallersLegComesFirst() {
        CallTimers both = call.with(Leg.CALLER, SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0));

        assertThat(both.next()).isEqualTo(new TimerAction(Kind.REFRESH, Leg.CALLER, T0.plusSeconds(900)));
    }

    @Test
    void nothingIsDueBeforeTheNextAction() {
        assertThat(call.due(T0.plusSeconds(899))).isEmpty();
        assertThat(call.due(T0.plusSeconds(900))).contains(call.next());
        assertThat(call.due(T0.plusSeconds(2000))).contains(call.next());
    }

    @Test
    void delayIsTheTimeLeftAndNeverNegative() {
        assertThat(call.next().delayFrom(T0.plusSeconds(100))).isEqualTo(Duration.ofSeconds(800));
        assertThat(call.next().delayFrom(T0.plusSeconds(1000))).isEqualTo(Duration.ZERO);
    }
}
