package org.seed.sip.registrar.rules;

/**
 * The operator's expiry limits, in seconds.
 *
 * @param defaultExpires granted when the REGISTER asks for no expiry
 * @param minExpires     shorter requests are refused with 423 (RFC 3261 §10.3 step 7)
 * @param maxExpires     longer requests are shortened to this
 */
public record RegistrationPolicy(int defaultExpires, int minExpires, int maxExpires) {

    public RegistrationPolicy {
        if (minExpires < 1 || minExpires > defaultExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("expiry limits must satisfy 1 <= min (" + minExpires + ") <= default ("
                    + defaultExpires + ") <= max (" + maxExpires + ")");
        }
    }
}
