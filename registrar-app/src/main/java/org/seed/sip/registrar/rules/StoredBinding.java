package org.seed.sip.registrar.rules;

import java.time.Instant;

/**
 * A binding as the location service holds it, reduced to what the rules compare a new REGISTER with.
 *
 * @param contactUri the bound contact
 * @param callId     Call-ID of the REGISTER that last changed it
 * @param cseq       CSeq number of that REGISTER
 * @param instance   RFC 5626 {@code +sip.instance}, or null
 * @param regId      RFC 5626 {@code reg-id}, or null
 * @param expiresAt  when it expires
 */
public record StoredBinding(String contactUri, String callId, long cseq, String instance, Integer regId,
        Instant expiresAt) {

    boolean isActiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /**
     * RFC 3261 §10.3 step 7: a REGISTER from the same Call-ID must carry a higher CSeq than the one that made
     * this binding, or it arrived out of order.
     */
    boolean isNewerOrOtherRegistration(String requestCallId, long requestCSeq) {
        return !callId.equals(requestCallId) || requestCSeq > cseq;
    }

    /** RFC 5626 §6: the same instance and reg-id name the same flow, whatever the contact URI now is. */
    boolean isSameFlowAs(RequestedContact contact) {
        if (instance == null || contact.instance() == null || !instance.equals(contact.instance())) {
            return false;
        }
        return regId == null ? contact.regId() == null : regId.equals(contact.regId());
    }
}
