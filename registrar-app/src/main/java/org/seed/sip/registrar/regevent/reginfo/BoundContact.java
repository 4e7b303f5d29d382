package org.seed.sip.registrar.regevent.reginfo;

import java.util.Objects;

/**
 * A contact bound to an AOR now, as a full-state document lists it.
 *
 * @param uri       the contact
 * @param expiresIn seconds the binding has left
 * @param q         its q-value, or null
 * @param callId    Call-ID of the REGISTER that last refreshed it
 * @param cseq      CSeq of that REGISTER
 */
public record BoundContact(String uri, long expiresIn, Float q, String callId, long cseq) {

    public BoundContact {
        Objects.requireNonNull(uri, "uri");
    }
}
