package org.seed.sip.b2bua.timer;

/** What the final response to a session refresh request the B2BUA sent means for the session (RFC 4028 §10). */
public enum RefreshOutcome {
    /** 2xx: read its Session-Expires ({@link UacTimerRules#answered}) and mark the leg refreshed. */
    REFRESHED,
    /** 408 (also the container's answer to a transaction timeout) or 481: §10 says send BYE; end the call. */
    END_SESSION,
    /** 422: ask again with the interval its Min-SE gives ({@link UacTimerRules#after422}). */
    RETRY_WITH_LONGER_INTERVAL,
    /**
     * Any other failure (491 glare, 500...): the session goes on unrefreshed; the leg's timer tries again before
     * it expires ({@link SessionTimer#refreshFailed}).
     */
    NOT_REFRESHED;

    public static RefreshOutcome of(int status) {
        if (status >= 200 && status < 300) {
            return REFRESHED;
        }
        return switch (status) {
            case 408, 481 -> END_SESSION;
            case 422 -> RETRY_WITH_LONGER_INTERVAL;
            default -> NOT_REFRESHED;
        };
    }
}
