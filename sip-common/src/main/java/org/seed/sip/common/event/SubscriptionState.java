package org.seed.sip.common.event;

/**
 * The Subscription-State header value of a NOTIFY (RFC 6665 §8.2.3): active or pending with the seconds left,
 * or terminated with its reason.
 */
public final class SubscriptionState {

    private SubscriptionState() {
    }

    /** RFC 6665 §4.2.2: an active NOTIFY states the seconds left, the duration rounded down. */
    public static String active(long secondsLeft) {
        return "active;expires=" + Math.max(0, secondsLeft);
    }

    /** RFC 6665 §4.1.3: accepted, waiting for the resource's owner to decide. */
    public static String pending(long secondsLeft) {
        return "pending;expires=" + Math.max(0, secondsLeft);
    }

    public static String terminated(TerminationReason reason) {
        return "terminated;reason=" + reason.token();
    }
}
