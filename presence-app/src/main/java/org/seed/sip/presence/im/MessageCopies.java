package org.seed.sip.presence.im;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;

import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.servlet.ContactRequests;
import org.seed.sip.presence.im.rules.OfflinePolicy;
import org.seed.sip.store.im.OfflineMessage;

/**
 * The MESSAGE a phone gets: From and To of the sender and recipient (the phone shows who wrote), the body and
 * its Content-Type unchanged (text/plain, message/cpim or anything else: RFC 3428 §7 leaves the content to the
 * user agents), the Date the sender gave or, for a kept message, when the platform took it.
 */
final class MessageCopies {

    private static final String METHOD = "MESSAGE";
    private static final String DATE = "Date";
    /**
     * How long the application session of a MESSAGE lives after its last use: long enough for a late 2xx
     * (a non-INVITE transaction ends after 32 s), not the container's default three minutes per message.
     */
    static final int SESSION_MINUTES = 1;

    private final SipFactory factory;

    MessageCopies(SipFactory factory) {
        this.factory = factory;
    }

    /** The copy of {@code origin} for one contact, continuing it through the application router. */
    SipServletRequest forwarded(SipServletRequest origin, Reach reach) throws ServletException, IOException {
        SipServletRequest copy = ContactRequests.create(factory, origin.getApplicationSession(), METHOD,
                origin.getFrom(), origin.getTo(), reach);
        ContactRequests.continuing(copy, origin);
        String date = origin.getHeader(DATE);
        if (date != null) {
            copy.setHeader(DATE, date);
        }
        setBody(copy, origin.getRawContent(), origin.getContentType());
        return copy;
    }

    /** A kept message for one contact: a request of the platform's own, in an application session of its own. */
    SipServletRequest stored(OfflineMessage message, Reach reach) throws ServletException, IOException {
        SipApplicationSession session = factory.createApplicationSession();
        session.setExpires(SESSION_MINUTES);
        SipServletRequest copy = ContactRequests.create(factory, session, METHOD,
                factory.createAddress(message.from()), factory.createAddress(message.to()), reach);
        copy.setHeader(DATE, OfflinePolicy.date(message.receivedAt()));
        setBody(copy, message.body(), message.contentType());
        return copy;
    }

    /** The sender's From or To as kept: without its tag, which belongs to the sender's transaction. */
    static String withoutTag(Address address) {
        Address copy = (Address) address.clone();
        copy.removeParameter("tag");
        return copy.toString();
    }

    private static void setBody(SipServletMessage message, byte[] body, String contentType) throws IOException {
        if (body != null && body.length > 0) {
            message.setContent(body, contentType);
        }
    }
}
