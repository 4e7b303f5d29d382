package org.seed.sip.common.event;

import java.util.Locale;

/** Why a subscription ended: the {@code reason} of a terminated Subscription-State (RFC 6665 §4.1.3, §8.2.3). */
public enum TerminationReason {
    /** The subscription should be retried at once: the notifier ended it without ending the resource. */
    DEACTIVATED,
    /** Retry later (RFC 6665 §4.1.3: after {@code retry-after}). */
    PROBATION,
    /** Authorization was withdrawn; do not retry. */
    REJECTED,
    /** Not refreshed in time, or ended by the subscriber (Expires: 0), or a fetch (RFC 6665 §4.4.3). */
    TIMEOUT,
    /** The notifier gave up waiting for authorization. */
    GIVEUP,
    /** The resource no longer exists; do not retry. */
    NORESOURCE,
    /** The resource cannot be watched with the subscription's parameters. */
    INVARIANT;

    /** The token as it appears in the header. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
