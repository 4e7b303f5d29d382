package org.seed.sip.console.api;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an account's fields may hold, checked before anything reaches the store; each check throws a 400
 * naming the field and the rule.
 */
final class AccountRules {

    static final int MAX_USERNAME_LENGTH = 64;
    static final int MIN_PASSWORD_LENGTH = 8;
    /** The width of the {@code display_name} column. */
    static final int MAX_DISPLAY_NAME_LENGTH = 255;
    /**
     * RFC 3261 §25.1 {@code user}: unreserved and user-unreserved characters. Left out: escapes ({@code %HH}),
     * since an escaped and an unescaped user part are the same user but different rows; and {@code /}, which
     * cannot be put in this account's URL path ({@code /api/accounts/user@domain}).
     */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9\\-_.!~*'()&=+$,;?]{1," + MAX_USERNAME_LENGTH + "}");

    private final ConsoleSettings settings;

    AccountRules(ConsoleSettings settings) {
        this.settings = settings;
    }

    String username(String username) {
        if (username == null || username.isEmpty()) {
            throw ApiException.badRequest("username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("username must be 1 to " + MAX_USERNAME_LENGTH
                    + " of the characters A-Z a-z 0-9 - _ . ! ~ * ' ( ) & = + $ , ; ?");
        }
        return username;
    }

    /** The domain to create an account in: the default one when none is given, else one of {@code sip.domains}. */
    String domain(String domain) {
        if (domain == null || domain.isBlank()) {
            return settings.defaultDomain();
        }
        String normalised = domain.strip().toLowerCase(Locale.ROOT);
        if (!settings.domains().contains(normalised)) {
            throw ApiException.badRequest("domain '" + domain + "' is not served here; sip.domains is " + settings.domains());
        }
        return normalised;
    }

    char[] password(char[] password) {
        if (password == null || password.length == 0) {
            throw ApiException.badRequest("password is required");
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        return password;
    }

    /** The display name to store: stripped, null when blank (blank clears it). */
    String displayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        String stripped = displayName.strip();
        if (stripped.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw ApiException.badRequest("displayName must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters long");
        }
        // it ends up in From headers: a line break there would split the header
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("displayName must not contain control characters");
        }
        return stripped;
    }
}
