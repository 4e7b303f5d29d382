package org.seed.sip.registrar.regevent;

import java.util.Optional;
import java.util.Set;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.regevent.rules.SubscribeDecision;
import org.seed.sip.registrar.regevent.rules.Watcher;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;

/** Who may watch which registrations (RFC 3680 §4.6: the notifier authorizes every subscription). */
public final class SubscriptionAccess {

    private final AccountRepository accounts;
    private final Set<String> domains;

    public SubscriptionAccess(AccountRepository accounts, Set<String> domains) {
        this.accounts = accounts;
        this.domains = Set.copyOf(domains);
    }

    /** Registrations exist only in the domains this registrar is responsible for. */
    public boolean servesDomainOf(AddressOfRecord aor) {
        return domains.contains(aor.domain());
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
