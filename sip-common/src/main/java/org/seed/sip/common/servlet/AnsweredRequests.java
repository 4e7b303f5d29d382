package org.seed.sip.common.servlet;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;

/** What becomes of a request an application has answered for good and keeps nothing of. */
public final class AnsweredRequests {

    private AnsweredRequests() {
    }

    /**
     * A request answered for good (challenged, refused, redirected, an OPTIONS relayed, a MESSAGE refused)
     * keeps nothing: its application session goes a minute after its last use instead of the container's
     * default three (one such session per call for the 407 alone: some 100,000 at 600 calls/s, a third as
     * many now). Not invalidated now: the ACK of a final answer to an INVITE still has to find it.
     */
    public static void endsWithItsTransaction(SipServletRequest request) {
        SipApplicationSession application = request.getApplicationSession(false);
        if (application != null && application.isValid()) {
            application.setExpires(1);
        }
    }
}
