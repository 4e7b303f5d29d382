package org.seed.sip.common.event;

import java.util.Map;

/**
 * RFC 6665 §4.2.1 for one event package: which SUBSCRIBE the notifier accepts, and for how long. Pure: the
 * caller authenticates and authorizes, then applies the decision.
 */
public final class SubscribeRules {

    private final String packageName;
    private final String contentType;
    private final ExpiryPolicy policy;

    /**
     * @param packageName the event package served (RFC 6665 §8.2.1 {@code event-type})
     * @param contentType the one body type its NOTIFYs carry, assumed when Accept is absent (RFC 6665 §4.2.1.1)
     */
    public SubscribeRules(String packageName, String contentType, ExpiryPolicy policy) {
        this.packageName = packageName;
        this.contentType = contentType;
        this.policy = policy;
    }

    public SubscribeDecision decide(SubscribeRequest request) {
        // RFC 6665 §8.2.1: Event is mandatory in a SUBSCRIBE
        if (request.event() == null) {
            return SubscribeDecision.Reject.of(400, "Missing Event Header");
        }
        // RFC 6665 §4.2.1.1 and §8.3.2: a package we do not serve, with the one we do
        if (!packageName.equals(request.event().packageName())) {
            return new SubscribeDecision.Reject(489, "Bad Event", Map.of("Allow-Events", packageName));
        }
        // RFC 6665 §4.2.1.1: a body (a filter, RFC 4660) of a type the package does not define
        if (request.bodyType() != null) {
            return new SubscribeDecision.Reject(415, "Unsupported Media Type", Map.of("Accept", contentType));
        }
        // RFC 6665 §4.2.1.1, RFC 3261 §21.4.7: the subscriber must accept the package's body type
        if (request.accept() != null && !AcceptHeader.admits(request.accept(), contentType)) {
            return new SubscribeDecision.Reject(406, "Not Acceptable", Map.of("Accept", contentType));
        }
        return decideExpiry(request.expiresHeader());
    }

    /** RFC 6665 §4.2.1.1: 0 is always allowed (fetch, unsubscribe), too short refused, too long shortened. */
    private SubscribeDecision decideExpiry(Integer requested) {
        if (requested == null) {
            return new SubscribeDecision.Accept(policy.defaultExpires());
        }
        if (requested > 0 && requested < policy.minExpires()) {
            return new SubscribeDecision.Reject(423, "Interval Too Brief",
                    Map.of("Min-Expires", Integer.toString(policy.minExpires())));
        }
        return new SubscribeDecision.Accept(Math.min(requested, policy.maxExpires()));
    }
}
