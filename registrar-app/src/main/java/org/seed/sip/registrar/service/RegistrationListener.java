package org.seed.sip.registrar.service;

import java.util.List;

/** Told of every committed change to an AOR's bindings, after the change is durable. */
public interface RegistrationListener {

    /**
     * @param aor     normalised AOR ({@code sip:user@domain})
     * @param changes what happened to each contact, never empty
     */
    void registrationChanged(String aor, List<ContactChange> changes);
}
