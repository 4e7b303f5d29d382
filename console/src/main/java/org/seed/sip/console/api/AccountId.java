package org.seed.sip.console.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.seed.sip.store.account.Account;

/**
 * An account's name as the API writes it, {@code user@domain}: in JSON, in console logins and as the last
 * path segment of {@code /api/accounts/user@domain}. The domain is lower case, as the store keeps it.
 */
public record AccountId(String username, String domain) {

    private static final String ACCOUNTS_PATH = "/api/accounts/";
    /** RFC 3986 §2.3 unreserved characters, which a path segment carries without escaping. */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    public AccountId {
        domain = Account.normaliseDomain(domain);
    }

    public static AccountId of(Account account) {
        return new AccountId(account.getUsername(), account.getDomain());
    }

    /** {@code user@domain}, split at the last {@code @}; empty unless both parts are there. */
    public static Optional<AccountId> parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0 || text.substring(0, at).isBlank() || text.substring(at + 1).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new AccountId(text.substring(0, at), text.substring(at + 1)));
    }

    /** The account's address-of-record, {@code sip:user@domain}: the key of its bindings. */
    public String aor() {
        return "sip:" + username + "@" + domain;
    }

    /** The account's URL path, with the user part escaped: user names may hold {@code ; ? ,} and such. */
    public String path() {
        return ACCOUNTS_PATH + escape(username) + "@" + escape(domain);
    }

    private static String escape(String segment) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
                escaped.append((char) b);
            } else {
                escaped.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return username + "@" + domain;
    }
}
