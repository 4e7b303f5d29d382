package org.seed.sip.console.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.account.Ha1;

/**
 * Decides whether a request's Basic credentials belong to a console administrator: an enabled account
 * with the admin flag. The store keeps no password, so the password is checked by recomputing the
 * account's SHA-256 HA1 ({@code H(user:domain:password)}, realm = domain) and comparing it in constant time.
 */
public final class AdminAuthenticator {

    /** Compared against when the account does not exist, so an unknown name costs the same work as a known one. */
    private static final String NO_ACCOUNT_HA1 = "0".repeat(64);

    private final AccountRepository accounts;
    private final String defaultDomain;

    public AdminAuthenticator(AccountRepository accounts, String defaultDomain) {
        this.accounts = accounts;
        this.defaultDomain = defaultDomain;
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @return the administrator; a login without {@code @domain} means the default domain ({@code admin})
     * @throws ApiException 401 for missing, malformed or wrong credentials and disabled accounts; 403 for
     *                      the right password of an account that is not an administrator
     */
    public AccountId authenticate(String authorization) {
        BasicCredentials credentials = BasicCredentials.parse(authorization).orElseThrow(ApiException::unauthorized);
        try {
            AccountId login = login(credentials.userId()).orElseThrow(ApiException::unauthorized);
            Optional<Account> account = accounts.find(login.username(), login.domain());
            String expected = account.map(Account::getHa1Sha256).orElse(NO_ACCOUNT_HA1);
            String presented = Ha1.sha256(login.username(), login.domain(), credentials.password());
            boolean passwordMatches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    presented.getBytes(StandardCharsets.US_ASCII));
            if (account.isEmpty() || !passwordMatches || !account.get().isEnabled()) {
                throw ApiException.unauthorized();
            }
            if (!account.get().isAdmin()) {
                throw ApiException.forbidden();
            }
            return AccountId.of(account.get());
        } finally {
            credentials.wipe();
        }
    }

    private Optional<AccountId> login(String userId) {
        if (userId.indexOf('@') < 0) {
            return Optional.of(new AccountId(userId, defaultDomain));
        }
        return AccountId.parse(userId);
    }
}
