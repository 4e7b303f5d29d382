package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4028 §7: the B2BUA as UAC, towards each callee (and any party it sends a refresh to). */
class UacTimerRulesTest {

    private final UacTimerRules rules = new UacTimerRules(new TimerSettings(1800, 300, 0));
    private final TimerOffer initial = rules.initialOffer();

    @Test
    void rfc4028Section7_1InitialInviteSupportsTimerAndAsksForOurIntervalLeavingTheRefresherOpen() {
        assertThat(initial.headers()).containsExactly(new TimerHeader("Supported", "timer"),
                new TimerHeader("Session-Expires", "1800"), new TimerHeader("Min-SE", "300"));
    }

    @Test
    void rfc4028Section7_2RefresherUacInThe2xxMakesTheB2buaRefresh() {
        assertThat(rules.answered(initial, "1200;refresher=uac")).isEqualTo(SessionTerms.refreshedByB2bua(1200));
    }

    @Test
    void rfc4028Section7_2RefresherUasInThe2xxMakesTheCalleeRefresh() {
        assertThat(rules.answered(initial, "1800;refresher=uas")).isEqualTo(SessionTerms.refreshedByPeer(1800));
    }

    @Test
    void rfc4028Section7_2No2xxSessionExpiresMakesTheB2buaRefreshOnTheIntervalItAskedFor() {
        assertThat(rules.answered(initial, null)).isEqualTo(SessionTerms.refreshedByB2bua(1800));
    }

    @Test
    void sessionExpiresWithoutRefresherMakesTheB2buaRefresh() {
        assertThat(rules.answered(initial, "1800")).isEqualTo(SessionTerms.refreshedByB2bua(1800));
    }

    @Test
    void malformedSessionExpiresInA2xxCountsAsAbsent() {
        assertThat(rules.answered(initial, "1800;refresher=both")).isEqualTo(SessionTerms.refreshedByB2bua(1800));
    }

    @Test
    void rfc4028Section4IntervalBelow90InA2xxIsRaisedTo90() {
        assertThat(rules.answered(initial, "30;refresher=uas")).isEqualTo(SessionTerms.refreshedByPeer(90));
    }

    @Test
    void longerIntervalThanAskedIsTakenSoThePeersRefreshesAreNotMissed() {
        assertThat(rules.answered(initial, "3600;refresher=uas")).isEqualTo(SessionTerms.refreshedByPeer(3600));
    }

    @Test
    void rfc4028Section7_3A422IsRetriedWithItsMinSe() {
        TimerOffer retry = rules.after422(initial, "3600").orElseThrow();

        assertThat(retry.retried()).isTrue();
        assertThat(retry.headers()).containsExactly(new TimerHeader("Supported", "timer"),
                new TimerHeader("Session-Expires", "3600"), new TimerHeader("Min-SE", "3600"));
    }

    @Test
    void rfc4028Section7_3A422IsRetriedOnlyOnce() {
        TimerOffer retry = rules.after422(initial, "3600").orElseThrow();

        assertThat(rules.after422(retry, "7200")).isEmpty();
    }

    @Test
    void rfc4028Section7_3A422WithoutAUsableMinSeIsNotRetried() {
        assertThat(rules.after422(initial, null)).isEmpty();
        assertThat(rules.after422(initial, "later")).isEmpty();
        // asks for no more than was sent: the same request would get the same 422
        assertThat(rules.after422(initial, "1800")).isEmpty();
    }

    @Test
    void rfc4028Section7_4RefreshByTheRefresherNamesItselfUac() {
        TimerOffer refresh = rules.refreshOffer(SessionTerms.refreshedByB2bua(1200));

        assertThat(refresh.headers()).containsExactly(new TimerHeader("Supported", "timer"),
                new TimerHeader("Session-Expires", "1200;refresher=uac"), new TimerHeader("Min-SE", "300"));
    }

    @Test
    void rfc4028Section7_4RequestOnALegThePeerRefreshesNamesThePeerUas() {
        TimerOffer refresh = rules.refreshOffer(SessionTerms.refreshedByPeer(1800));

        assertThat(refresh.headers()).contains(new TimerHeader("Session-Expires", "1800;refresher=uas"));
        assertThat(rules.answered(refresh, "1800;refresher=uas")).isEqualTo(SessionTerms.refreshedByPeer(1800));
    }

    @Test
    void refreshNeverSendsAMinSeAboveTheLegsInterval() {
        // the leg runs on 120 s, which a UAS without our minimum granted
        assertThat(rules.refreshOffer(SessionTerms.refreshedByPeer(120)).minSe()).isEqualTo(120);
    }

    @Test
    void rfc4028Section10RefreshAnswersClassified() {
        assertThat(RefreshOutcome.of(200, RefreshMethod.UPDATE)).isEqualTo(RefreshOutcome.REFRESHED);
        assertThat(RefreshOutcome.of(202, RefreshMethod.REINVITE)).isEqualTo(RefreshOutcome.REFRESHED);
        // §10: a refresh that times out (the container answers it 408) or gets 408 or 481 ends the session
        assertThat(RefreshOutcome.of(408, RefreshMethod.REINVITE)).isEqualTo(RefreshOutcome.END_SESSION);
        assertThat(RefreshOutcome.of(481, RefreshMethod.UPDATE)).isEqualTo(RefreshOutcome.END_SESSION);
        assertThat(RefreshOutcome.of(422, RefreshMethod.UPDATE)).isEqualTo(RefreshOutcome.RETRY_WITH_LONGER_INTERVAL);
        assertThat(RefreshOutcome.of(491, RefreshMethod.REINVITE)).isEqualTo(RefreshOutcome.NOT_REFRESHED);
        assertThat(RefreshOutcome.of(500, RefreshMethod.UPDATE)).isEqualTo(RefreshOutcome.NOT_REFRESHED);
    }

    @Test
    void rfc4028Section7_4AnUpdateTheLegRefusesIsSentAgainAsReInvite() {
        assertThat(RefreshOutcome.of(405, RefreshMethod.UPDATE)).isEqualTo(RefreshOutcome.RETRY_AS_REINVITE);
        assertThat(RefreshOutcome.of(501, RefreshMethod.UPDATE)).isEqualTo(RefreshOutcome.RETRY_AS_REINVITE);
        assertThat(RefreshOutcome.of(501, RefreshMethod.REINVITE)).isEqualTo(RefreshOutcome.NOT_REFRESHED);
    }

    @Test
    void rfc4028Section7_4UpdateWhenThePartyAllowsIt() {
        assertThat(RefreshMethod.forPeer(List.of("INVITE, ACK, BYE", "UPDATE, INFO"))).isEqualTo(RefreshMethod.UPDATE);
    }

    @Test
    void rfc4028Section7_4ReInviteWhenThePartyDoesNotAllowUpdate() {
        assertThat(RefreshMethod.forPeer(List.of("INVITE, ACK, BYE, CANCEL"))).isEqualTo(RefreshMethod.REINVITE);
        assertThat(RefreshMethod.forPeer(List.of())).isEqualTo(RefreshMethod.REINVITE);
        // RFC 3261 §7.1: method names are case-sensitive
        assertThat(RefreshMethod.forPeer(List.of("update"))).isEqualTo(RefreshMethod.REINVITE);
    }
}
