package org.seed.sip.b2bua.call;

import java.io.IOException;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;

import org.seed.sip.b2bua.service.Target;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.servlet.ContactRequests;

/** The requests the B2BUA sends out of a request it received: a call's legs, an OPTIONS asked of a phone. */
final class Legs {

    private Legs() {
    }

    /**
     * A new request of {@code method} from {@code origin}'s caller to {@code target}, in {@code origin}'s
     * application session: its From and To, Max-Forwards one less (RFC 3261 §16.6 step 3 applies to a B2BUA
     * as to a proxy, or two of them could loop for ever), its body and end-to-end headers.
     *
     * @throws ServletParseException the target or its Path is no URI the container takes
     */
    static SipServletRequest create(SipFactory factory, SipServletRequest origin, String method, Target target)
            throws ServletParseException, IOException {
        SipServletRequest request = create(factory, origin, method, origin.getFrom(), origin.getTo(), target);
        MessageCopy.copy(origin, request);
        return request;
    }

    /**
     * As {@link #create(SipFactory, SipServletRequest, String, Target)}, from {@code from} to {@code to} and
     * with nothing of {@code origin}'s content: a transfer's INVITE to its target (RFC 3515), on behalf of
     * another party of the call than the caller.
     */
    static SipServletRequest create(SipFactory factory, SipServletRequest origin, String method, Address from,
            Address to, Target target) throws ServletParseException {
        SipServletRequest request = ContactRequests.create(factory, origin.getApplicationSession(), method, from, to,
                target.reach());
        ContactRequests.continuing(request, origin);
        return request;
    }

    /** Sends over the flow or NAT binding the phone is reached at, or as the container routes it. */
    static void send(SipServletRequest request, Reach reach) throws IOException {
        ContactRequests.send(request, reach);
    }
}
