package org.seed.sip.b2bua.service;

import java.util.List;
import java.util.Optional;

import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.location.Location;
import org.seed.sip.store.location.LocationService;

/**
 * Where a call goes: to the registered contacts of a user of ours (the location service), or, for a foreign
 * callee, to the dialled URI itself. Unknown and disabled users alike are "not found": nothing tells a
 * caller which accounts exist but cannot be called.
 */
public final class CallRouter {

    private final AccountRepository accounts;
    private final LocationService locations;

    public CallRouter(AccountRepository accounts, LocationService locations) {
        this.accounts = accounts;
        this.locations = locations;
    }

    /** A call to {@code callee}, a user of one of our domains. */
    public Routing toUser(AddressOfRecord callee) {
        Optional<Account> account = accounts.find(callee.user(), callee.domain());
        if (account.isEmpty() || !account.get().isEnabled()) {
            return new Routing.Refuse(404, "Not Found");
        }
        List<Location> contacts = locations.lookup(callee.toString());
        if (contacts.isEmpty()) {
            return new Routing.Refuse(480, "Temporarily Unavailable");
        }
        return new Routing.Ring(contacts.stream().map(location -> new Target(location.contactUri(), location.q(),
                location.reach())).toList());
    }

    /** A call to a URI of another domain: the container finds its server (RFC 3263). */
    public static Routing outbound(String requestUri) {
        return new Routing.Ring(List.of(new Target(requestUri, 1.0f,
                new Reach(requestUri, null, null, List.of(), Reach.Kind.CONTACT))));
    }
}
