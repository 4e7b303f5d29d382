package org.seed.sip.b2bua.rules;

/**
 * Which failure of several forked legs the caller is told (RFC 3261 §16.7 step 6, as a forking proxy
 * chooses): a 6xx ends the search at once and wins; otherwise the lowest class among 3xx-5xx, and within
 * 4xx a busy callee before the rest, since "busy here" is what the caller's phone can act on. A 503 of a
 * callee is the callee's trouble, not the platform's: the caller gets 480 rather than a reason to fail
 * over to another server (§16.7 step 6 turns 503 into 500; 480 says more to a person), and so is a
 * phone that never answered.
 */
public final class FinalResponses {

    private FinalResponses() {
    }

    /** Whether {@code candidate} should replace {@code best} (0 when none yet) as the response to relay. */
    public static boolean better(int candidate, int best) {
        if (best == 0) {
            return true;
        }
        if (best >= 600) {
            return false;
        }
        if (candidate >= 600) {
            return true;
        }
        int candidateClass = candidate / 100;
        int bestClass = best / 100;
        if (candidateClass != bestClass) {
            return candidateClass < bestClass;
        }
        return candidate == 486 && best != 486;
    }

    /** Whether a final answer of a leg ends the whole call attempt (RFC 3261 §16.7 step 5: a 6xx). */
    public static boolean global(int status) {
        return status >= 600;
    }

    /**
     * The status the caller is sent for a callee's final failure: a phone that never answered (the container's
     * 408 after Timer B) or failed (503) is, for the caller, a callee not available now.
     */
    public static int relayed(int status) {
        if (status == 401 || status == 407) {
            // a challenge of the far side is for the B2BUA's leg: the caller's credentials are for this
            // platform, and the caller answering it would only be challenged here again
            return 403;
        }
        return status == 503 || status == 408 ? 480 : status;
    }
}
