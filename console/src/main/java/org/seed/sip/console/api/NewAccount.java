package org.seed.sip.console.api;

import java.util.Arrays;

/**
 * The body of {@code POST /api/accounts}.
 *
 * @param domain      optional: the default domain when absent
 * @param displayName optional
 * @param admin       optional: false when absent
 */
public record NewAccount(String username, String domain, String displayName, char[] password, Boolean admin) {

    boolean isAdmin() {
        return Boolean.TRUE.equals(admin);
    }

    void wipePassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
