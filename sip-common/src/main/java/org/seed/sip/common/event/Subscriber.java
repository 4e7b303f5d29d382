package org.seed.sip.common.event;

import java.util.Objects;

/**
 * Who holds a subscription, as digest authentication established it (RFC 6665 §4.2.1.3: every new
 * subscription is authenticated, then authorized).
 *
 * @param username the authenticated user
 * @param domain   the realm it authenticated in
 * @param admin    whether the account is an administrator of that domain
 */
public record Subscriber(String username, String domain, boolean admin) {

    public Subscriber {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(domain, "domain");
    }
}
