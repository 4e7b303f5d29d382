package org.seed.sip.common.event;

import java.util.Objects;

/**
 * What the notifier does with a subscriber to a resource (RFC 6665 §4.2.1.3 and §4.1.3): let it watch, keep
 * it waiting for the resource's owner to decide ({@code pending}), or refuse it.
 */
public sealed interface Authorization {

    Authorization GRANTED = new Granted();
    Authorization PENDING = new Pending();

    static Authorization refused(SubscribeDecision.Reject reject) {
        return new Refused(reject);
    }

    /** The subscriber sees the resource's state. */
    record Granted() implements Authorization {
    }

    /** The subscription is accepted but sees no state until the owner grants or refuses it. */
    record Pending() implements Authorization {
    }

    /** A new subscription is answered {@code reject}; a running one ends {@code rejected}. */
    record Refused(SubscribeDecision.Reject reject) implements Authorization {

        public Refused {
            Objects.requireNonNull(reject, "reject");
        }
    }
}
