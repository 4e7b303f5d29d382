package org.seed.sip.registrar.regevent;

import java.util.Optional;
import java.util.Set;

import org.seed.sip.common.event.Authorization;
import org.seed.sip.common.event.AuthorizationRule;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.ResourceNames;
import org.seed.sip.common.event.SubscribeDecision;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.regevent.rules.Watcher;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;

/**
 * Which registrations there are to watch, and who may watch them (RFC 3680 §4.6: the notifier authorizes
 * every subscription).
 */
public final class SubscriptionAccess implements ResourceNames, AuthorizationRule {

    private final AccountRepository accounts;
    private final Set<String> domains;
    private final ResourceNames names;

    public SubscriptionAccess(AccountRepository accounts, Set<String> domains) {
        this.accounts = accounts;
        this.domains = Set.copyOf(domains);
        this.names = ResourceNames.addressesOfRecordIn(domains);
    }

    /** RFC 3680 §4: the Request-URI names the AOR whose registrations are watched, in a domain of ours. */
    @Override
    public Optional<Resource> resolve(String requestUri) {
        return names.resolve(requestUri);
    }

    /** Registrations exist only in the domains this registrar is responsible for. */
    public boolean servesDomainOf(AddressOfRecord aor) {
        return domains.contains(aor.domain());
    }

    @Override
    public Authorization authorize(Resource resource, Subscriber subscriber) {
        return refusal(AddressOfRecord.parse(resource.uri()),
                new Watcher(subscriber.username(), subscriber.domain(), subscriber.admin()))
                .map(Authorization::refused).orElse(Authorization.GRANTED);
    }

    /**
     * Why {@code watcher} may not subscribe to {@code aor}, or empty if it may. Authorization comes before
     * the account lookup, so only those allowed to watch an address learn whether it exists.
     */
    public Optional<SubscribeDecision.Reject> refusal(AddressOfRecord aor, Watcher watcher) {
        if (!watcher.mayWatch(aor)) {
            return Optional.of(SubscribeDecision.Reject.of(403, "Not Allowed To Watch This Address"));
        }
        if (accounts.find(aor.user(), aor.domain()).filter(Account::isEnabled).isEmpty()) {
            return Optional.of(SubscribeDecision.Reject.of(404, "Not Found"));
        }
        return Optional.empty();
    }
}
