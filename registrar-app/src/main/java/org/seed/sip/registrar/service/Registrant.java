package org.seed.sip.registrar.service;

import org.seed.sip.common.sip.AddressOfRecord;

/**
 * Who sent a REGISTER, as digest authentication established it.
 *
 * @param username the authenticated user
 * @param domain   the realm it authenticated in (the AOR's domain)
 * @param admin    administrators may register any AOR of their domain (third-party registration)
 */
public record Registrant(String username, String domain, boolean admin) {

    public boolean mayRegister(AddressOfRecord aor) {
        return admin ? domain.equals(aor.domain()) : owns(aor);
    }

    /** The AOR is the registrant's own: its account is the one authentication just found. */
    public boolean owns(AddressOfRecord aor) {
        return domain.equals(aor.domain()) && username.equals(aor.user());
    }
}
