package org.seed.sip.it;

import javax.sip.message.Response;

import org.seed.sip.it.phone.TestPhone;

/** A phone watching an AOR with the reg event package (RFC 3680). */
final class RegEventWatcher extends EventWatcher<ReginfoNotify> {

    RegEventWatcher(TestPhone phone, String password) {
        super(phone, password, "reg", "application/reginfo+xml", ReginfoNotify::parse);
    }

    /** The next NOTIFY that says something about {@code contactUri}; NOTIFYs before it are answered too. */
    ReginfoNotify awaitNotifyAbout(String contactUri) throws InterruptedException {
        return awaitNotify(notify -> notify.contact(contactUri).isPresent(), Response.OK);
    }
}
