package org.seed.sip.registrar.service;

/**
 * What happened to one contact of an AOR, in the terms of the reg event package (RFC 3680 §5.1: the
 * {@code event} attribute of a {@code <contact>}).
 *
 * @param contactUri the contact
 * @param event      what happened to it
 * @param expiresIn  seconds it has left (0 once gone)
 * @param callId     Call-ID of the REGISTER behind the change (null for an expiry)
 * @param cseq       CSeq of that REGISTER (0 for an expiry)
 * @param q          its q-value, or null
 */
public record ContactChange(String contactUri, Event event, long expiresIn, String callId, long cseq, Float q) {

    /**
     * RFC 3680 §5.1 contact events the registrar produces, all caused by REGISTER requests or expiry. (The
     * package's "created", "shortened", "deactivated", "probation" and "rejected" name administrative actions,
     * which this registrar has none of.)
     */
    public enum Event {
        /** A REGISTER bound a new contact. */
        REGISTERED,
        REFRESHED,
        EXPIRED,
        UNREGISTERED;

        /** The contact is still bound after this event. */
        public boolean leavesContactActive() {
            return this == REGISTERED || this == REFRESHED;
        }
    }
}
