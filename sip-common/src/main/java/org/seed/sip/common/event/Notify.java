package org.seed.sip.common.event;

import java.util.Objects;

/**
 * One NOTIFY of a subscription, before the container makes it a request.
 *
 * @param subscriptionState the Subscription-State header value ({@link SubscriptionState})
 * @param contentType       the body type, the package's; null with no body
 * @param body              the document, of {@code contentType}; null when the NOTIFY carries no state (a
 *                          pending subscription, a rejected one: RFC 6665 §4.1.3)
 * @param cseq              its CSeq in the dialog: one more than the previous NOTIFY's (RFC 3261 §12.2.1.1)
 */
public record Notify(String subscriptionState, String contentType, byte[] body, long cseq) {

    public Notify {
        Objects.requireNonNull(subscriptionState, "subscriptionState");
        if ((contentType == null) != (body == null)) {
            throw new IllegalArgumentException("a body needs its type, and a type its body");
        }
    }

    public boolean hasBody() {
        return body != null;
    }
}
