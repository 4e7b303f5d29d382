package org.seed.sip.console.api;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.AccountRepository;

/** The accounts a per-account path may name: 404 for any other, before anything of it is read. */
final class KnownAccounts {

    private final AccountRepository accounts;

    KnownAccounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** {@code id}'s address-of-record. @throws ApiException 404 if there is no such account */
    AddressOfRecord require(AccountId id) {
        if (accounts.find(id.username(), id.domain()).isEmpty()) {
            throw missing(id);
        }
        return new AddressOfRecord(id.username(), id.domain());
    }

    /** The 404 for {@code id}: also for an account deleted between the check and a write. */
    static ApiException missing(AccountId id) {
        return ApiException.notFound("no account " + id);
    }
}
