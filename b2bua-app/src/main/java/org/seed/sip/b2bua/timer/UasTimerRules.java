package org.seed.sip.b2bua.timer;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4028 §9, the B2BUA as UAS: what it answers to an INVITE (initial or re-INVITE) or UPDATE as to session
 * timers, given the request's Session-Expires, Min-SE and whether its sender supports the extension. The
 * B2BUA always wants a timer (it is how it learns that a phone vanished), so every accepted request gets a
 * Session-Expires in its 2xx.
 */
public final class UasTimerRules {

    private final TimerSettings settings;

    public UasTimerRules(TimerSettings settings) {
        this.settings = settings;
    }

    /**
     * @param sessionExpires the request's Session-Expires value, or null
     * @param minSe          the request's Min-SE value, or null
     * @param uacSupportsTimer whether the request's Supported or Require lists {@code timer}
     *                       ({@link TimerHeaders#listsTimer})
     */
    public UasTimerDecision decide(String sessionExpires, String minSe, boolean uacSupportsTimer) {
        SessionExpires requested;
        Integer requestMinSe;
        try {
            requested = SessionExpires.parse(sessionExpires);
            requestMinSe = TimerHeaders.minSe(minSe);
        } catch (MalformedTimerHeaderException e) {
            return new UasTimerDecision.Reject(400, e.getMessage(), List.of());
        }
        // §9: never below the Min-SE of the request (which proxies may have raised), nor below our minimum
        int floor = Math.max(settings.minSe(), requestMinSe == null ? 0 : requestMinSe);
        if (requested != null && requested.seconds() < floor) {
            if (uacSupportsTimer) {
                // §9: the UAS MAY reject a too small interval with 422 and its minimum in Min-SE, but only a UAC
                // that supports the extension understands a 422 (§7.3), so only it is refused
                return new UasTimerDecision.Reject(422, "Session Interval Too Small",
                        List.of(new TimerHeader(TimerHeaders.MIN_SE, Integer.toString(floor))));
            }
            // a proxy put this Session-Expires on the request of a UAC without the extension (§8.1): refusing
            // would only fail the call, and §9 forbids raising the interval, so take it (the B2BUA refreshes)
            floor = Math.max(TimerHeaders.ABSOLUTE_MIN_SE, requestMinSe == null ? 0 : requestMinSe);
        }
        // §9: the UAS may shorten the requested interval (to our configured one) but never lengthen it; with no
        // Session-Expires in the request it may still ask for a timer, no shorter than the request's Min-SE
        int interval = requested == null ? Math.max(settings.sessionExpires(), floor)
                : Math.max(Math.min(requested.seconds(), settings.sessionExpires()), floor);
        Refresher refresher = refresher(requested, uacSupportsTimer);
        List<TimerHeader> headers = new ArrayList<>();
        headers.add(new TimerHeader(TimerHeaders.SESSION_EXPIRES, new SessionExpires(interval, refresher).format()));
        if (uacSupportsTimer) {
            // §9: Require: timer MUST be in a 2xx that makes the UAC the refresher, and SHOULD be when the UAS
            // refreshes for a UAC that supports the extension
            headers.add(new TimerHeader(TimerHeaders.REQUIRE, TimerHeaders.TIMER));
        }
        SessionTerms terms = refresher == Refresher.UAS ? SessionTerms.refreshedByB2bua(interval)
                : SessionTerms.refreshedByPeer(interval);
        return new UasTimerDecision.Accept(terms, headers);
    }

    /**
     * §9's table: a UAC without the extension cannot refresh, so the UAS does; a UAC with it gets what it
     * asked for; one that left the choice open refreshes itself, which spares the B2BUA a request per leg and
     * interval (it only watches the clock).
     */
    private static Refresher refresher(SessionExpires requested, boolean uacSupportsTimer) {
        if (!uacSupportsTimer) {
            return Refresher.UAS;
        }
        return requested == null || requested.refresher() == null ? Refresher.UAC : requested.refresher();
    }
}
