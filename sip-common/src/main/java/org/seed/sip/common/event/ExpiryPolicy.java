package org.seed.sip.common.event;

/**
 * The operator's limits on the subscriptions of one event package, in seconds.
 *
 * @param defaultExpires granted when the SUBSCRIBE asks for no duration (RFC 6665 §4.2.1.1: package-defined)
 * @param minExpires     shorter requests are refused with 423 (RFC 6665 §4.2.1.1)
 * @param maxExpires     longer requests are shortened to this (RFC 6665 §4.2.1.1)
 */
public record ExpiryPolicy(int defaultExpires, int minExpires, int maxExpires) {

    public ExpiryPolicy {
        if (minExpires < 1 || minExpires > defaultExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("subscription limits must satisfy 1 <= min (" + minExpires
                    + ") <= default (" + defaultExpires + ") <= max (" + maxExpires + ")");
        }
    }
}
