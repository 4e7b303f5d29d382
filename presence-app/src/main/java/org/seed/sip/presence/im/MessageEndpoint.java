package org.seed.sip.presence.im;

import java.io.IOException;

import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.presence.NotImplementedYet;

/** MESSAGE (RFC 3428) to the users of our domains, delivered at once or kept until they register. */
public final class MessageEndpoint {

    public void start(SipFactory factory) {
    }

    public void receive(SipServletRequest request) throws IOException {
        NotImplementedYet.answer(request);
    }

    public void answered(SipServletResponse response) {
    }
}
