package org.seed.sip.registrar.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.seed.sip.common.sip.SipUriEquality;

/**
 * RFC 3261 §10.3 steps 6 and 7: what a REGISTER does to the bindings of its AOR, given those stored before
 * it. Pure: the caller reads the stored bindings and applies the decision in one transaction.
 */
public final class RegistrationRules {

    private static final RegistrationDecision.Reject OUT_OF_ORDER = new RegistrationDecision.Reject(500,
            "Out Of Order Registration", Map.of("Retry-After", "1"));

    private final RegistrationPolicy policy;

    public RegistrationRules(RegistrationPolicy policy) {
        this.policy = policy;
    }

    public RegistrationDecision decide(RegisterRequest request, List<StoredBinding> stored, Instant now) {
        List<StoredBinding> active = stored.stream().filter(binding -> binding.isActiveAt(now)).toList();
        if (request.wildcard()) {
            return decideWildcard(request, active);
        }
        List<RegistrationDecision.BindingChange> changes = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (RequestedContact contact : request.contacts()) {
            int requested = requestedExpiry(contact, request.expiresHeader());
            // step 7: zero removes; a positive value below the minimum is refused, never rounded up
            if (requested > 0 && requested < policy.minExpires()) {
                return new RegistrationDecision.Reject(423, "Interval Too Brief",
                        Map.of("Min-Expires", Integer.toString(policy.minExpires())));
            }
            Optional<StoredBinding> existing = find(active, contact.uri());
            if (existing.isPresent() && !existing.get().isNewerOrOtherRegistration(request.callId(), request.cseq())) {
                return OUT_OF_ORDER;
            }
            String storedContact = existing.map(StoredBinding::contactUri).orElse(null);
            if (requested > 0) {
                active.stream()
                        .filter(binding -> !binding.contactUri().equals(storedContact) && binding.isSameFlowAs(contact))
                        .forEach(binding -> replaced.add(binding.contactUri()));
            }
            changes.add(new RegistrationDecision.BindingChange(contact, Math.min(requested, policy.maxExpires()),
                    storedContact));
        }
        return new RegistrationDecision.Apply(changes, replaced);
    }

    /**
     * Step 6: "*" only alone and only with Expires: 0; it removes every binding, unless one of them was made
     * by a later REGISTER of the same Call-ID.
     */
    private static RegistrationDecision decideWildcard(RegisterRequest request, List<StoredBinding> active) {
        if (!request.contacts().isEmpty()) {
            return new RegistrationDecision.Reject(400, "Contact * Must Be Alone", Map.of());
        }
        if (request.expiresHeader() == null || request.expiresHeader() != 0) {
            return new RegistrationDecision.Reject(400, "Contact * Requires Expires 0", Map.of());
        }
        if (active.stream().anyMatch(binding -> !binding.isNewerOrOtherRegistration(request.callId(), request.cseq()))) {
            return OUT_OF_ORDER;
        }
        return new RegistrationDecision.Apply(List.of(), active.stream().map(StoredBinding::contactUri).toList());
    }

    /**
     * Step 7: the binding whose contact the requested one equals by RFC 3261 §19.1.4, not as text, so a phone
     * that writes its contact differently (case, parameter order, escapes) refreshes its binding rather than
     * adding a second one. The same text first: bindings stored before this comparison may be equal to each
     * other, and the one with the requested text is the one the phone means.
     */
    private static Optional<StoredBinding> find(List<StoredBinding> bindings, String contactUri) {
        return bindings.stream().filter(binding -> binding.contactUri().equals(contactUri)).findFirst()
                .or(() -> {
                    Predicate<String> sameResource = SipUriEquality.equivalentTo(contactUri);
                    return bindings.stream().filter(binding -> sameResource.test(binding.contactUri())).findFirst();
                });
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
