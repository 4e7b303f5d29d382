package org.seed.sip.b2bua.call;

import java.io.IOException;

import javax.servlet.sip.SipServletResponse;

/**
 * A transfer waiting for the answer to a request it sent (a target's INVITE, a re-INVITE of the third-party
 * call control, RFC 3725); set on that request as an attribute, so that its answers come back here and not
 * to the call's own relay.
 */
interface TransferStep {

    String ATTRIBUTE = TransferStep.class.getName();

    /** An answer to one of the transfer's requests, provisional ones included. */
    void answered(SipServletResponse response) throws IOException;
}
