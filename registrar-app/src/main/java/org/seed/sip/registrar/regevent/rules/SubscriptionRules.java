package org.seed.sip.registrar.regevent.rules;

import java.util.Map;

import org.seed.sip.registrar.regevent.reginfo.Reginfo;

/**
 * RFC 6665 §4.2.1 for the reg event package (RFC 3680 §4): which SUBSCRIBE the notifier accepts, and for how
 * long. Pure: the caller authenticates and authorizes, then applies the decision.
 */
public final class SubscriptionRules {

    /** RFC 3680 §4.1. */
    public static final String EVENT_PACKAGE = "reg";

    private final SubscriptionPolicy policy;

    public SubscriptionRules(SubscriptionPolicy policy) {
        this.policy = policy;
    }

    public SubscribeDecision decide(SubscribeRequest request) {
        // RFC 6665 §8.2.1: Event is mandatory in a SUBSCRIBE
        if (request.event() == null) {
            return SubscribeDecision.Reject.of(400, "Missing Event Header");
        }
        // RFC 6665 §4.2.1.1 and §8.3.2: a package we do not serve, with the one we do
        if (!EVENT_PACKAGE.equals(request.event().packageName())) {
            return new SubscribeDecision.Reject(489, "Bad Event", Map.of("Allow-Events", EVENT_PACKAGE));
        }
        // RFC 3680 §4.5: reginfo is the package's default body, assumed when Accept is absent
        if (request.accept() != null && !AcceptHeader.admits(request.accept(), Reginfo.CONTENT_TYPE)) {
            return new SubscribeDecision.Reject(406, "Not Acceptable", Map.of("Accept", Reginfo.CONTENT_TYPE));
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
