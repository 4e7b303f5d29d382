package org.seed.sip.console.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.seed.sip.store.account.Account;

/**
 * The body of {@code PATCH /api/accounts/user@domain}: each field given is changed, each absent (or null)
 * one is left alone; an empty {@code displayName} clears it.
 */
public record AccountChanges(Boolean enabled, String displayName, char[] password, Boolean admin) {

    boolean isEmpty() {
        return enabled == null && displayName == null && password == null && admin == null;
    }

    /** Whether {@code account}, an enabled administrator now, would no longer be one. */
    boolean endsAdministrationOf(Account account) {
        boolean activeAdministrator = account.isAdmin() && account.isEnabled();
        return activeAdministrator && (Boolean.FALSE.equals(enabled) || Boolean.FALSE.equals(admin));
    }

    /** Applies the changes; {@code storedDisplayName} is {@link #displayName} as {@link AccountRules} accepted it. */
    void applyTo(Account account, String storedDisplayName) {
        if (enabled != null) {
            account.setEnabled(enabled);
        }
        if (displayName != null) {
            account.setDisplayName(storedDisplayName);
        }
        if (password != null) {
            account.changePassword(password);
        }
        if (admin != null) {
            account.setAdmin(admin);
        }
    }

    /** The fields changed, for the log; never the password itself. */
    String summary() {
        List<String> fields = new ArrayList<>();
        if (enabled != null) {
            fields.add("enabled=" + enabled);
        }
        if (displayName != null) {
            fields.add("displayName");
        }
        if (password != null) {
            fields.add("password");
        }
        if (admin != null) {
            fields.add("admin=" + admin);
        }
        return String.join(", ", fields);
    }

    void wipePassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
