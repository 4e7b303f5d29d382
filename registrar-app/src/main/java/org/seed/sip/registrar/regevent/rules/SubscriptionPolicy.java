package org.seed.sip.registrar.regevent.rules;

/**
 * The operator's limits on reg event subscriptions, in seconds.
 *
 * @param defaultExpires granted when the SUBSCRIBE asks for no duration (RFC 3680 §4.4 suggests 3761)
 * @param minExpires     shorter requests are refused with 423 (RFC 6665 §4.2.1.1)
 * @param maxExpires     longer requests are shortened to this (RFC 6665 §4.2.1.1)
 */
public record SubscriptionPolicy(int defaultExpires, int minExpires, int maxExpires) {

    public SubscriptionPolicy {
        if (minExpires < 1 || minExpires > defaultExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("subscription limits must satisfy 1 <= min (" + minExpires
                    + ") <= default (" + defaultExpires + ") <= max (" + maxExpires + ")");
        }
    }
}
