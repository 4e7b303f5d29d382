package org.seed.sip.edge;

import org.seed.sip.common.edge.UserDirectory;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.location.LocationService;

/** The users of the store: an account is a user, a current binding makes it reachable. */
public final class StoredUsers implements UserDirectory {

    private final AccountRepository accounts;
    private final LocationService locations;

    public StoredUsers(AccountRepository accounts, LocationService locations) {
        this.accounts = accounts;
        this.locations = locations;
    }

    @Override
    public Reachability lookup(AddressOfRecord aor) {
        if (accounts.find(aor.user(), aor.domain()).isEmpty()) {
            return Reachability.UNKNOWN;
        }
        return locations.lookup(aor.toString()).isEmpty() ? Reachability.NOT_REGISTERED : Reachability.REGISTERED;
    }
}
