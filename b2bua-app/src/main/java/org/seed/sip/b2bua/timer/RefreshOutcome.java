package org.seed.sip.b2bua.timer;

/** What the final response to a session refresh request the B2BUA sent means for the session (RFC 4028 §10). */
public enum RefreshOutcome {
    /** 2xx: read its Session-Expires ({@link UacTimerRules#answered}) and mark the leg refreshed. */
    REFRESHED,
    /** 408 (also the container's answer to a transaction timeout) or 481: §10 says send BYE; end the call. */
    END_SESSION,
    /** 422: ask again with the interval its Min-SE gives ({@link UacTimerRules#after422}). */
    RETRY_WITH_LONGER_INTERVAL,
    /** 405 or 501 to an UPDATE: the party does not take UPDATE after all; refresh with a re-INVITE now. */
    RETRY_AS_REINVITE,
    /**
     * Any other failure (491 glare, 500...): the session goes on unrefreshed; the leg's timer tries again before
     * it expires ({@link SessionTimer#refreshFailed}).
     */
    NOT_REFRESHED;

    /** @param method how the refresh was sent */
    public static RefreshOutcome of(int status, RefreshMethod method) {
        if (status >= 200 && status < 300) {
            return REFRESHED;
        }
        return switch (status) {
            case 408, 481 -> END_SESSION;
            case 422 -> RETRY_WITH_LONGER_INTERVAL;
            case 405, 501 -> method == RefreshMethod.UPDATE ? RETRY_AS_REINVITE : NOT_REFRESHED;
            default -> NOT_REFRESHED;
        };
    }
}
