package org.seed.sip.presence.publish;

import java.io.IOException;

import javax.servlet.sip.SipServletRequest;

import org.seed.sip.presence.NotImplementedYet;
import org.seed.sip.presence.PresenceChanges;

/** PUBLISH (RFC 3903) of presence (RFC 3856 §6). */
public final class PublishEndpoint {

    private final PresenceChanges changes;

    public PublishEndpoint(PresenceChanges changes) {
        this.changes = changes;
    }

    public void publish(SipServletRequest request) throws IOException {
        NotImplementedYet.answer(request);
    }
}
