package org.seed.sip.store.binding;

import java.util.Objects;

/**
 * What a committed change did to one contact of an AOR.
 *
 * @param contactUri the contact
 * @param kind       what happened to its binding
 * @param expiresIn  seconds the binding has left after the change (0 once gone)
 * @param callId     Call-ID of the REGISTER that bound it last (null when the binding is gone for another reason)
 * @param cseq       CSeq of that REGISTER (0 with no Call-ID)
 * @param q          its q-value, or null
 */
public record BindingChange(String contactUri, Kind kind, long expiresIn, String callId, long cseq, Float q) {

    public BindingChange {
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** A binding that did not exist, or had expired, now does. */
        ADDED,
        /** A current binding was written again (a re-registration). */
        REFRESHED,
        /** A current binding was deleted. */
        REMOVED,
        /** An expired binding was deleted. */
        EXPIRED
    }
}
