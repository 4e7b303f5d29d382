package org.seed.sip.common.event;

import java.util.Objects;

/**
 * One NOTIFY of a subscription, before the container makes it a request.
 *
 * @param subscriptionState the Subscription-State header value ({@link SubscriptionState})
 * @param contentType       the body type, the package's
 * @param body              the document, of {@code contentType}
 * @param cseq              its CSeq in the dialog: one more than the previous NOTIFY's (RFC 3261 §12.2.1.1)
 */
public record Notify(String subscriptionState, String contentType, byte[] body, long cseq) {

    public Notify {
        Objects.requireNonNull(subscriptionState, "subscriptionState");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
