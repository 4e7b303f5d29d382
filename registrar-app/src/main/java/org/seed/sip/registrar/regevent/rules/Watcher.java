package org.seed.sip.registrar.regevent.rules;

import org.seed.sip.common.sip.AddressOfRecord;

/**
 * Who sent a SUBSCRIBE, as digest authentication established it.
 *
 * @param username the authenticated user
 * @param domain   the realm it authenticated in (the AOR's domain)
 * @param admin    administrators may watch any AOR of their domain
 */
public record Watcher(String username, String domain, boolean admin) {

    /**
     * RFC 3680 §4.6 leaves authorization to policy: here a user watches its own registrations, and an
     * administrator those of its domain (RFC 3680 §3: third-party monitoring by the domain).
     */
    public boolean mayWatch(AddressOfRecord aor) {
        return domain.equals(aor.domain()) && (admin || username.equals(aor.user()));
    }
}
