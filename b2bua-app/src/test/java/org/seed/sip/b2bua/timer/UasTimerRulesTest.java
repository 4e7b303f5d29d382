package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 4028 §9: the B2BUA as UAS, towards the caller (and any party sending it a refresh). */
class UasTimerRulesTest {

    private static final TimerHeader REQUIRE_TIMER = new TimerHeader("Require", "timer");
    private final UasTimerRules rules = new UasTimerRules(new TimerSettings(1800, 300, 0));

    @Test
    void rfc4028Section9IntervalBelowOurMinimumIsRefused422WithMinSe() {
        UasTimerDecision.Reject reject = reject(rules.decide("120", null, true));

        assertThat(reject.status()).isEqualTo(422);
        assertThat(reject.reason()).isEqualTo("Session Interval Too Small");
        assertThat(reject.headers()).containsExactly(new TimerHeader("Min-SE", "300"));
    }

    @Test
    void rfc4028Section9The422GivesTheRequestsMinSeWhenItIsHigherThanOurs() {
        // a proxy raised Min-SE to 600 but the UAC's Session-Expires was left at 400
        assertThat(reject(rules.decide("400", "600", true)).headers())
                .containsExactly(new TimerHeader("Min-SE", "600"));
    }

    @Test
    void rfc4028Section9IntervalAtOurMinimumIsAccepted() {
        assertThat(accept(rules.decide("300", null, true)).terms().intervalSeconds()).isEqualTo(300);
    }

    @Test
    void rfc4028Section9UacWithoutTheExtensionIsNeverSentA422() {
        // §8.1: a proxy inserted Session-Expires for a UAC that cannot read a 422; §9 forbids raising it
        UasTimerDecision.Accept accept = accept(rules.decide("120", null, false));

        assertThat(accept.terms()).isEqualTo(SessionTerms.refreshedByB2bua(120));
        assertThat(accept.headers()).containsExactly(new TimerHeader("Session-Expires", "120;refresher=uas"));
    }

    @Test
    void rfc4028Section9SupportingUacThatLeavesTheChoiceRefreshesItself() {
        UasTimerDecision.Accept accept = accept(rules.decide("1800", "90", true));

        assertThat(accept.terms()).isEqualTo(SessionTerms.refreshedByPeer(1800));
        assertThat(accept.headers()).containsExactly(new TimerHeader("Session-Expires", "1800;refresher=uac"),
                REQUIRE_TIMER);
    }

    @Test
    void rfc4028Section9RefresherUasAskedForMakesTheB2buaRefresh() {
        UasTimerDecision.Accept accept = accept(rules.decide("1800;refresher=uas", null, true));

        assertThat(accept.terms()).isEqualTo(SessionTerms.refreshedByB2bua(1800));
        // §9: Require SHOULD be there when the UAS refreshes for a UAC that supports the extension
        assertThat(accept.headers()).containsExactly(new TimerHeader("Session-Expires", "1800;refresher=uas"),
                REQUIRE_TIMER);
    }

    @Test
    void rfc4028Section9RefresherUacAskedForIsHonoured() {
        assertThat(accept(rules.decide("1000;refresher=uac", null, true)).terms())
                .isEqualTo(SessionTerms.refreshedByPeer(1000));
    }

    @Test
    void rfc4028Section9UacWithoutTheExtensionLeavesTheRefreshesToTheB2bua() {
        UasTimerDecision.Accept accept = accept(rules.decide(null, null, false));

        assertThat(accept.terms()).isEqualTo(SessionTerms.refreshedByB2bua(1800));
        // no Require: timer, which that UAC would refuse with 420
        assertThat(accept.headers()).containsExactly(new TimerHeader("Session-Expires", "1800;refresher=uas"));
    }

    @Test
    void rfc4028Section9LongerIntervalIsShortenedToOurs() {
        assertThat(accept(rules.decide("7200", null, true)).terms().intervalSeconds()).isEqualTo(1800);
    }

    @Test
    void rfc4028Section9ShorterIntervalIsNeverLengthened() {
        assertThat(accept(rules.decide("600", null, true)).terms().intervalSeconds()).isEqualTo(600);
    }

    @Test
    void rfc4028Section9ShorteningStopsAtTheRequestsMinSe() {
        assertThat(accept(rules.decide("7200", "3600", true)).terms().intervalSeconds()).isEqualTo(3600);
    }

    @Test
    void rfc4028Section9NoSessionExpiresInTheRequestStillGetsOurTimer() {
        UasTimerDecision.Accept accept = accept(rules.decide(null, null, true));

        assertThat(accept.terms()).isEqualTo(SessionTerms.refreshedByPeer(1800));
        assertThat(accept.headers()).containsExactly(new TimerHeader("Session-Expires", "1800;refresher=uac"),
                REQUIRE_TIMER);
    }

    @Test
    void rfc4028Section9OurTimerIsNoShorterThanTheRequestsMinSe() {
        assertThat(accept(rules.decide(null, "3600", true)).terms().intervalSeconds()).isEqualTo(3600);
    }

    @Test
    void malformedSessionExpiresIsABadRequest() {
        UasTimerDecision.Reject reject = reject(rules.decide("soon", null, true));

        assertThat(reject.status()).isEqualTo(400);
        assertThat(reject.reason()).isEqualTo("Invalid Session-Expires");
        assertThat(reject.headers()).isEmpty();
    }

    @Test
    void malformedMinSeIsABadRequest() {
        UasTimerDecision.Reject reject = reject(rules.decide("1800", "-1", true));

        assertThat(reject.status()).isEqualTo(400);
        assertThat(reject.reason()).isEqualTo("Invalid Min-SE");
    }

    private static UasTimerDecision.Reject reject(UasTimerDecision decision) {
        assertThat(decision).isInstanceOf(UasTimerDecision.Reject.class);
        return (UasTimerDecision.Reject) decision;
    }

    private static UasTimerDecision.Accept accept(UasTimerDecision decision) {
        assertThat(decision).isInstanceOf(UasTimerDecision.Accept.class);
        return (UasTimerDecision.Accept) decision;
    }
}
