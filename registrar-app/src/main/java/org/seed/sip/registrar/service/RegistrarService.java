package org.seed.sip.registrar.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.seed.sip.registrar.rules.RegisterRequest;
import org.seed.sip.registrar.rules.RegistrationDecision;
import org.seed.sip.registrar.rules.RegistrationDecision.BindingChange;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.rules.RequestedContact;
import org.seed.sip.registrar.rules.StoredBinding;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingChanges;
import org.seed.sip.store.binding.BindingRepository;

/**
 * Processes a REGISTER against the location service (RFC 3261 §10.3): checks the AOR is ours, lets the
 * rules decide against the stored bindings and applies the decision in the same transaction, so a 200 OK
 * is never sent for a change that could still be lost or half made.
 */
public final class RegistrarService {

    private final AccountRepository accounts;
    private final BindingRepository bindings;
    private final RegistrationRules rules;
    private final Set<String> domains;
    private final Clock clock;

    /** The store announces every committed change of bindings itself (see {@link BindingRepository#events()}). */
    public RegistrarService(AccountRepository accounts, BindingRepository bindings, RegistrationRules rules,
            Set<String> domains, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.rules = rules;
        this.domains = Set.copyOf(domains);
        this.clock = clock;
    }

    /** §10.3 step 1: bindings are kept only for the domains this registrar is responsible for. */
    public boolean servesDomainOf(RegisterRequest request) {
        return domains.contains(request.aor().domain());
    }

    /**
     * Processes {@code request}, sent by {@code registrant} (authenticated in the AOR's domain).
     */
    public RegistrarOutcome register(RegisterRequest request, Registrant registrant) {
        if (!servesDomainOf(request)) {
            return RegistrarOutcome.refuse(403, "Domain Not Served");
        }
        // §10.3 step 3: a user registers its own AOR; only administrators register on behalf of others
        if (!registrant.mayRegister(request.aor())) {
            return RegistrarOutcome.refuse(403, "Not Allowed To Register This Address");
        }
        // §10.3 step 3: the AOR must be an account of ours. Authentication found the registrant's own account
        // enabled already; only a registration on someone else's behalf needs a look at the AOR's.
        if (!registrant.owns(request.aor())
                && accounts.find(request.aor().user(), request.aor().domain()).filter(a -> a.isEnabled()).isEmpty()) {
            return RegistrarOutcome.refuse(404, "Not Found");
        }
        Instant now = clock.instant();
        String aor = request.aor().toString();
        List<Binding> current;
        if (request.isQuery()) {
            current = bindings.current(aor, now);
        } else {
            BindingRepository.Changed<RegistrationDecision> changed =
                    bindings.change(aor, now, stored -> plan(request, stored, now));
            if (changed.result() instanceof RegistrationDecision.Reject reject) {
                return RegistrarOutcome.refuse(reject.status(), reject.reason(), reject.headers());
            }
            current = changed.current();
        }
        return new RegistrarOutcome(200, "OK", Map.of(), granted(current, now),
                request.supportsPath() ? request.path() : List.of());
    }

    private BindingChanges<RegistrationDecision> plan(RegisterRequest request, List<Binding> stored, Instant now) {
        RegistrationDecision decision = rules.decide(request, stored.stream().map(RegistrarService::stored).toList(), now);
        if (!(decision instanceof RegistrationDecision.Apply apply)) {
            return BindingChanges.none(decision);
        }
        String aor = request.aor().toString();
        List<Binding> saves = new ArrayList<>();
        List<String> removals = new ArrayList<>(apply.replaced());
        for (BindingChange change : apply.changes()) {
            if (change.isRemoval()) {
                removals.add(change.boundContact());
            } else {
                saves.add(binding(aor, change, request, now));
            }
        }
        return new BindingChanges<>(saves, removals, false, decision);
    }

    private static StoredBinding stored(Binding binding) {
        return new StoredBinding(binding.getContactUri(), binding.getCallId(), binding.getCseq(),
                binding.getInstanceId(), binding.getRegId(), binding.getExpiresAt());
    }

    private static Binding binding(String aor, BindingChange change, RegisterRequest request, Instant now) {
        RequestedContact contact = change.contact();
        return Binding.builder(aor, change.boundContact())
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
                        binding.secondsLeftAt(now), binding.getQ()))
                .toList();
    }
}
