package org.seed.sip.registrar.regevent;

/**
 * What happened to one contact of an AOR, in the terms of the reg event package (RFC 3680 §5.1: the
 * {@code event} attribute of a {@code <contact>}).
 *
 * @param contactUri the contact
 * @param event      what happened to it
 * @param expiresIn  seconds it has left (0 once gone)
 * @param callId     Call-ID of the REGISTER behind the change (null when no REGISTER caused it)
 * @param cseq       CSeq of that REGISTER (0 with no Call-ID)
 * @param q          its q-value, or null
 */
public record ContactChange(String contactUri, Event event, long expiresIn, String callId, long cseq, Float q) {

    /**
     * RFC 3680 §5.1 contact events this registrar produces. ("created", "shortened" and "probation" name
     * administrative actions it has none of.)
     */
    public enum Event {
        /** A REGISTER bound a new contact. */
        REGISTERED,
        REFRESHED,
        EXPIRED,
        UNREGISTERED,
        /** An operator removed the binding: the phone may register again (RFC 3680 §5.1 "deactivated"). */
        DEACTIVATED,
        /** The account was deleted: the phone should not try again (RFC 3680 §5.1 "rejected"). */
        REJECTED;

        /** The contact is still bound after this event. */
        public boolean leavesContactActive() {
            return this == REGISTERED || this == REFRESHED;
        }
    }
}
