package org.seed.sip.presence.watch;

import java.io.IOException;

import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.presence.NotImplementedYet;

/** SUBSCRIBE to presence (RFC 3856) and to its watcher information (RFC 3857), and the answers to their NOTIFYs. */
public final class WatchEndpoint {

    public void start(SipFactory factory) {
    }

    public void subscribe(SipServletRequest request) throws IOException {
        NotImplementedYet.answer(request);
    }

    public void answered(SipServletResponse response) {
    }
}
