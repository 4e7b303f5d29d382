package org.seed.sip.it;

import org.seed.sip.it.phone.TestPhone;

/** A phone watching a presentity with the presence package (RFC 3856). */
final class PresenceWatcher extends EventWatcher<PresenceNotify> {

    PresenceWatcher(TestPhone phone, String password) {
        super(phone, password, "presence", "application/pidf+xml", PresenceNotify::parse);
    }
}
