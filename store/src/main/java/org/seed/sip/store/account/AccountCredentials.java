package org.seed.sip.store.account;

import java.util.Optional;
import org.seed.sip.common.auth.CredentialLookup;
import org.seed.sip.common.auth.StoredCredentials;

/**
 * The accounts as Digest authentication sees them: the realm is the account's domain, with which its
 * HA1 digests were computed (see {@link Account}).
 */
public final class AccountCredentials implements CredentialLookup {

    private final AccountRepository accounts;

    public AccountCredentials(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<StoredCredentials> find(String username, String realm) {
        return accounts.credentials(username, realm);
    }
}
