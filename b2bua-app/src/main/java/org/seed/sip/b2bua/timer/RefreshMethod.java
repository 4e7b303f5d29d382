package org.seed.sip.b2bua.timer;

/**
 * RFC 4028 §7.4: how the B2BUA sends a session refresh on a leg. A refresh is an ordinary request of its method,
 * with the headers of {@link UacTimerRules#refreshOffer}.
 */
public enum RefreshMethod {
    /** UPDATE (RFC 3311), RECOMMENDED when the party is known to support it; without an offer, as recommended. */
    UPDATE,
    /** re-INVITE, which SHOULD carry an offer even when nothing changed: the leg's current session description. */
    REINVITE;

    /**
     * UPDATE when the party listed it in an Allow header it sent on this leg (in its INVITE or its 2xx), as §7.4
     * suggests; a re-INVITE otherwise. Method names are case-sensitive (RFC 3261 §7.1).
     *
     * @param peerAllow the values of the Allow headers the party sent
     */
    public static RefreshMethod forPeer(Iterable<String> peerAllow) {
        return TimerHeaders.lists(peerAllow, "UPDATE"::equals) ? UPDATE : REINVITE;
    }
}
