package org.seed.sip.presence;

import java.io.IOException;

import javax.servlet.sip.SipServletRequest;

/** Answers a request of a part not built yet. */
public final class NotImplementedYet {

    private NotImplementedYet() {
    }

    public static void answer(SipServletRequest request) throws IOException {
        request.createResponse(501, "Not Implemented").send();
        request.getApplicationSession().invalidate();
    }
}
