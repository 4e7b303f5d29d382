package org.seed.sip.common.event;

/**
 * The Subscription-State header value of a NOTIFY (RFC 6665 §8.2.3): active with the seconds left, or
 * terminated with its reason. (The third state, pending, is for subscriptions awaiting an authorization
 * decision; every package here decides at once.)
 */
public final class SubscriptionState {

    private SubscriptionState() {
    }

    /** RFC 6665 §4.2.2: an active NOTIFY states the seconds left, the duration rounded down. */
    public static String active(long secondsLeft) {
        return "active;expires=" + Math.max(0, secondsLeft);
    }

    public static String terminated(TerminationReason reason) {
        return "terminated;reason=" + reason.token();
    }
}
