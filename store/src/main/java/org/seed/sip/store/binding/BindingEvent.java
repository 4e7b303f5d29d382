package org.seed.sip.store.binding;

import java.util.List;
import java.util.Objects;

/**
 * One committed change of an AOR's bindings, announced by {@link BindingEvents} once committed, in commit order per AOR.
 *
 * @param aor     the normalised AOR ({@code sip:user@domain})
 * @param cause   who changed them
 * @param changes what happened to each contact; empty only when the account went and had no bindings
 */
public record BindingEvent(String aor, Cause cause, List<BindingChange> changes) {

    public BindingEvent {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(cause, "cause");
        changes = List.copyOf(changes);
    }

    public enum Cause {
        /** A REGISTER (RFC 3261 §10.3), or a binding saved directly. */
        REGISTER,
        /** The expiry purge. */
        EXPIRY,
        /** An operator removed bindings (the console). */
        ADMINISTRATOR,
        /** The AOR's account was deleted, and its bindings with it. */
        ACCOUNT_DELETED
    }
}
