package org.seed.sip.registrar.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seed.sip.registrar.rules.RegisterRequest;
import org.seed.sip.registrar.rules.RegistrationDecision;
import org.seed.sip.registrar.rules.RegistrationDecision.BindingChange;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.rules.RequestedContact;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;

/**
 * Processes a REGISTER against the location service (RFC 3261 §10.3): checks the AOR is ours, applies
 * the rules' decision to the stored bindings and lists what is bound afterwards. Every change is
 * committed before the outcome is returned, so a 200 OK is never sent for a binding that could be lost.
 */
public final class RegistrarService {

    private final AccountRepository accounts;
    private final BindingRepository bindings;
    private final RegistrationRules rules;
    private final Set<String> domains;
    private final Clock clock;

    public RegistrarService(AccountRepository accounts, BindingRepository bindings, RegistrationRules rules,
            Set<String> domains, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.rules = rules;
        this.domains = Set.copyOf(domains);
        this.clock = clock;
    }

    public RegistrarOutcome register(RegisterRequest request) {
        String aor = request.aor().toString();
        // §10.3 step 1: this registrar keeps bindings only for the domains it is responsible for
        if (!domains.contains(request.aor().domain())) {
            return RegistrarOutcome.refuse(403, "Domain Not Served");
        }
        // §10.3 step 3: the AOR must exist in our domain
        if (accounts.find(request.aor().user(), request.aor().domain()).filter(a -> a.isEnabled()).isEmpty()) {
            return RegistrarOutcome.refuse(404, "Not Found");
        }
        RegistrationDecision decision = rules.decide(request);
        if (decision instanceof RegistrationDecision.Reject reject) {
            return new RegistrarOutcome(reject.status(), reject.reason(), reject.headers(), List.of());
        }
        Instant now = clock.instant();
        apply((RegistrationDecision.Apply) decision, request, now);
        return new RegistrarOutcome(200, "OK", Map.of(), granted(bindings.current(aor, now), now));
    }

    private void apply(RegistrationDecision.Apply decision, RegisterRequest request, Instant now) {
        String aor = request.aor().toString();
        if (decision.removeAll()) {
            bindings.removeAll(aor);
            return;
        }
        for (BindingChange change : decision.changes()) {
            if (change.isRemoval()) {
                bindings.remove(aor, change.contact().uri());
            } else {
                bindings.save(binding(aor, change, request, now));
            }
        }
    }

    private static Binding binding(String aor, BindingChange change, RegisterRequest request, Instant now) {
        RequestedContact contact = change.contact();
        return Binding.builder(aor, contact.uri())
                .expiresAt(now.plusSeconds(change.expires()))
                .q(contact.q())
                .request(request.callId(), request.cseq())
                .path(request.path())
                .outbound(contact.instance(), contact.regId())
                .source(request.source().address(), request.source().port(), request.source().transport())
                .userAgent(request.userAgent())
                .updatedAt(now)
                .build();
    }

    private static List<RegistrarOutcome.GrantedBinding> granted(List<Binding> current, Instant now) {
        return current.stream()
                .map(binding -> new RegistrarOutcome.GrantedBinding(binding.getContactUri(),
                        Math.max(0, Duration.between(now, binding.getExpiresAt()).toSeconds()), binding.getQ()))
                .toList();
    }
}
