package org.seed.sip.b2bua.timer;

import java.io.Serializable;
import java.util.List;

/**
 * What the B2BUA, as UAC, asks for in an INVITE or UPDATE (RFC 4028 §7.1, §7.4), kept until its answer arrives.
 *
 * @param sessionExpires the Session-Expires it sends
 * @param minSe          the Min-SE it sends
 * @param refresher      the refresher it names, or null to leave the choice to the UAS (§7.1 recommends that
 *                       for an initial INVITE)
 * @param retried        whether this is already the retry after a 422 (§7.3), so a second 422 ends the attempt
 */
public record TimerOffer(int sessionExpires, int minSe, Refresher refresher, boolean retried) implements Serializable {

    /** Headers to add to the request (§7.1: Supported: timer on every request the B2BUA sends but ACK). */
    public List<TimerHeader> headers() {
        return List.of(new TimerHeader(TimerHeaders.SUPPORTED, TimerHeaders.TIMER),
                new TimerHeader(TimerHeaders.SESSION_EXPIRES, new SessionExpires(sessionExpires, refresher).format()),
                new TimerHeader(TimerHeaders.MIN_SE, Integer.toString(minSe)));
    }
}
