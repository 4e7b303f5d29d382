package org.seed.sip.registrar.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processing of RFC 3261 §10.3 steps 6 and 7 that depends on the request alone: the wildcard rules
 * and the expiry each contact is granted. Checks that need stored state (Call-ID/CSeq ordering, step 7's
 * comparison with existing bindings) are made where the bindings are.
 */
public final class RegistrationRules {

    private final RegistrationPolicy policy;

    public RegistrationRules(RegistrationPolicy policy) {
        this.policy = policy;
    }

    public RegistrationDecision decide(RegisterRequest request) {
        if (request.wildcard()) {
            return decideWildcard(request);
        }
        List<RegistrationDecision.BindingChange> changes = new ArrayList<>();
        for (RequestedContact contact : request.contacts()) {
            int requested = requestedExpiry(contact, request.expiresHeader());
            // §10.3 step 7: zero removes; a positive value below the minimum is refused, never rounded up
            if (requested > 0 && requested < policy.minExpires()) {
                return new RegistrationDecision.Reject(423, "Interval Too Brief",
                        Map.of("Min-Expires", Integer.toString(policy.minExpires())));
            }
            changes.add(new RegistrationDecision.BindingChange(contact, Math.min(requested, policy.maxExpires())));
        }
        return new RegistrationDecision.Apply(false, changes);
    }

    /** §10.3 step 6: "*" only alone and only with Expires: 0. */
    private static RegistrationDecision decideWildcard(RegisterRequest request) {
        if (!request.contacts().isEmpty()) {
            return new RegistrationDecision.Reject(400, "Contact * Must Be Alone", Map.of());
        }
        if (request.expiresHeader() == null || request.expiresHeader() != 0) {
            return new RegistrationDecision.Reject(400, "Contact * Requires Expires 0", Map.of());
        }
        return new RegistrationDecision.Apply(true, List.of());
    }

    /** The contact's expires parameter wins over the Expires header, which wins over the default. */
    private int requestedExpiry(RequestedContact contact, Integer expiresHeader) {
        if (contact.expires() != null) {
            return contact.expires();
        }
        if (expiresHeader != null) {
            return expiresHeader;
        }
        return policy.defaultExpires();
    }
}
