package org.seed.sip.b2bua.timer;

import java.util.Optional;

/**
 * RFC 4028 §7, the B2BUA as UAC: what it asks for in the INVITE of a new leg and in the session refresh requests
 * it sends on either leg, and what it makes of the answers.
 */
public final class UacTimerRules {

    private final TimerSettings settings;

    public UacTimerRules(TimerSettings settings) {
        this.settings = settings;
    }

    /**
     * §7.1: the INVITE of a new leg asks for the configured interval with our Min-SE, and leaves the refresher
     * to the UAS, as recommended.
     */
    public TimerOffer initialOffer() {
        return new TimerOffer(settings.sessionExpires(), settings.minSe(), null, false);
    }

    /**
     * §7.4: a refresh (re-INVITE or UPDATE) the B2BUA sends on a leg keeps the leg's interval and names the
     * current refresher, as seen from this transaction: the B2BUA is its UAC. The Min-SE is never above the
     * interval the leg already runs on.
     */
    public TimerOffer refreshOffer(SessionTerms current) {
        return new TimerOffer(current.intervalSeconds(), Math.min(settings.minSe(), current.intervalSeconds()),
                current.b2buaRefreshes() ? Refresher.UAC : Refresher.UAS, false);
    }

    /**
     * §7.3: after a 422, the same request once more with Session-Expires and Min-SE raised to the 422's Min-SE.
     * Empty when that is no use: already retried, a 422 without a (valid) Min-SE, or one that asks for no more
     * than was sent; the leg then fails (the caller's own interval was fine, so the 422 is not relayed).
     *
     * @param minSe the 422's Min-SE value, or null
     */
    public Optional<TimerOffer> after422(TimerOffer sent, String minSe) {
        Integer demanded;
        try {
            demanded = TimerHeaders.minSe(minSe);
        } catch (MalformedTimerHeaderException e) {
            return Optional.empty();
        }
        if (sent.retried() || demanded == null || demanded <= sent.sessionExpires()) {
            return Optional.empty();
        }
        return Optional.of(new TimerOffer(demanded, Math.max(sent.minSe(), demanded), sent.refresher(), true));
    }

    /**
     * §7.2: the terms a 2xx sets. With a Session-Expires, its interval and refresher ({@code uac}: the B2BUA,
     * which sent the request). Without one the far end does not do session timers, and a UAC that still wants
     * one refreshes itself on the interval it asked for: the B2BUA always does, since its refreshes (plain
     * re-INVITEs or UPDATEs) are how it learns that the far end has gone.
     *
     * <p>A 2xx cannot be refused, so a Session-Expires that breaks the grammar counts as absent, one without a
     * refresher makes the B2BUA refresh (the side that refreshes never loses the session by mistake), and an
     * interval below the absolute minimum of 90 seconds (§4) is raised to it. A longer interval than was
     * asked for (§9 forbids it) is taken as granted: if the far end refreshes on it, a shorter one here would
     * tear its session down early.
     *
     * @param sessionExpires the 2xx's Session-Expires value, or null
     */
    public SessionTerms answered(TimerOffer sent, String sessionExpires) {
        SessionExpires granted;
        try {
            granted = SessionExpires.parse(sessionExpires);
        } catch (MalformedTimerHeaderException e) {
            granted = null;
        }
        if (granted == null) {
            return SessionTerms.refreshedByB2bua(sent.sessionExpires());
        }
        int interval = Math.max(granted.seconds(), TimerHeaders.ABSOLUTE_MIN_SE);
        return granted.refresher() == Refresher.UAS ? SessionTerms.refreshedByPeer(interval)
                : SessionTerms.refreshedByB2bua(interval);
    }
}
