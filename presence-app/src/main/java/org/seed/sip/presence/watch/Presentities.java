package org.seed.sip.presence.watch;

import java.util.Optional;
import java.util.Set;

import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.ResourceNames;
import org.seed.sip.common.event.SubscribeDecision;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;

/**
 * The presentities there are to watch: the enabled accounts of our domains, named by their AOR (RFC 3856 §5:
 * the Request-URI of a SUBSCRIBE names the presentity). Any AOR of our domains resolves; whether its account
 * exists is told only to an authenticated subscriber.
 */
public final class Presentities implements ResourceNames {

    private final AccountRepository accounts;
    private final ResourceNames names;

    public Presentities(AccountRepository accounts, Set<String> domains) {
        this.accounts = accounts;
        this.names = ResourceNames.addressesOfRecordIn(domains);
    }

    @Override
    public Optional<Resource> resolve(String requestUri) {
        return names.resolve(requestUri);
    }

    /** 404 when {@code resource} is no user of ours, or a disabled one. */
    public Optional<SubscribeDecision.Reject> unknown(Resource resource) {
        AddressOfRecord aor = AddressOfRecord.parse(resource.uri());
        return accounts.find(aor.user(), aor.domain()).filter(Account::isEnabled).isPresent() ? Optional.empty()
                : Optional.of(SubscribeDecision.Reject.of(404, "Not Found"));
    }

    /** The AOR a subscriber authenticated as. */
    public static String aorOf(Subscriber subscriber) {
        return new AddressOfRecord(subscriber.username(), subscriber.domain()).toString();
    }
}
