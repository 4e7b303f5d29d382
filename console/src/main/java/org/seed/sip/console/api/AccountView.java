package org.seed.sip.console.api;

import org.seed.sip.store.account.Account;

/**
 * An account as the API shows it: never its HA1 digests.
 *
 * @param createdAt ISO-8601 instant in UTC
 */
public record AccountView(String username, String domain, String aor, String displayName, boolean admin,
        boolean enabled, String createdAt) {

    public static AccountView of(Account account) {
        return new AccountView(account.getUsername(), account.getDomain(), account.aor(), account.getDisplayName(),
                account.isAdmin(), account.isEnabled(), account.getCreatedAt().toString());
    }
}
