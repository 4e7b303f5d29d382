package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 4028 §10 (and the half-interval rule of §7.2 and §9): one leg's schedule. */
class SessionTimerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void rfc4028Section7_2TheRefresherRefreshesAtHalfTheInterval() {
        SessionTimer timer = SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0);

        assertThat(timer.refreshAt()).contains(T0.plusSeconds(900));
    }

    @Test
    void halfAnOddIntervalKeepsItsHalfSecond() {
        assertThat(SessionTimer.start(SessionTerms.refreshedByB2bua(91), T0).refreshAt())
                .contains(T0.plusMillis(45_500));
    }

    @Test
    void rfc4028Section10TheRefresherEndsTheSessionWhenItExpires() {
        assertThat(SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0).expiresAt())
                .isEqualTo(T0.plusSeconds(1800));
    }

    @Test
    void rfc4028Section10TheNonRefresherSendsNoRefresh() {
        assertThat(SessionTimer.start(SessionTerms.refreshedByPeer(1800), T0).refreshAt()).isEmpty();
    }

    @Test
    void rfc4028Section10TheNonRefresherEnds32SecondsBeforeExpiryOnALongInterval() {
        assertThat(SessionTimer.start(SessionTerms.refreshedByPeer(1800), T0).expiresAt())
                .isEqualTo(T0.plusSeconds(1800 - 32));
    }

    @Test
    void rfc4028Section10TheNonRefresherEndsAThirdBeforeExpiryOnAShortInterval() {
        // min(32, 90 / 3) = 30
        assertThat(SessionTimer.start(SessionTerms.refreshedByPeer(90), T0).expiresAt())
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void rfc4028Section10ARefreshRestartsTheSchedule() {
        Instant later = T0.plusSeconds(850);
        SessionTimer timer = SessionTimer.start(SessionTerms.refreshedByPeer(1800), T0).refreshed(later);

        assertThat(timer.expiresAt()).isEqualTo(later.plusSeconds(1768));
    }

    @Test
    void rfc4028Section9ARefreshMayRenegotiateTheRefresher() {
        Instant later = T0.plusSeconds(600);
        SessionTimer timer = SessionTimer.start(SessionTerms.refreshedByPeer(1800), T0)
                .refreshed(later, SessionTerms.refreshedByB2bua(1200));

        assertThat(timer.refreshAt()).contains(later.plusSeconds(600));
        assertThat(timer.expiresAt()).isEqualTo(later.plusSeconds(1200));
    }

    @Test
    void aSentRefreshIsNotDueAgainUntilAnswered() {
        SessionTimer sent = SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0).refreshSent();

        assertThat(sent.refreshAt()).isEmpty();
        assertThat(sent.expiresAt()).isEqualTo(T0.plusSeconds(1800));
    }

    @Test
    void rfc4028Section10AFailedRefreshIsRetriedHalfwayThroughTheTimeLeft() {
        SessionTimer failed = SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0).refreshSent()
                .refreshFailed(T0.plusSeconds(900));

        assertThat(failed.refreshAt()).contains(T0.plusSeconds(1350));
        assertThat(failed.expiresAt()).isEqualTo(T0.plusSeconds(1800));
    }

    @Test
    void noRetryTooCloseToTheExpiry() {
        SessionTimer failed = SessionTimer.start(SessionTerms.refreshedByB2bua(90), T0).refreshSent()
                .refreshFailed(T0.plusSeconds(83));

        assertThat(failed.refreshAt()).isEmpty();
    }

    @Test
    void theFailureOfARequestThatWasNotTheRefreshChangesNothing() {
        SessionTimer scheduled = SessionTimer.start(SessionTerms.refreshedByB2bua(1800), T0);
        SessionTimer peers = SessionTimer.start(SessionTerms.refreshedByPeer(1800), T0);

        assertThat(scheduled.refreshFailed(T0.plusSeconds(100))).isEqualTo(scheduled);
        assertThat(peers.refreshFailed(T0.plusSeconds(100))).isEqualTo(peers);
    }
}
