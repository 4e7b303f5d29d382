package org.seed.sip.registrar.servlet;

import java.io.IOException;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

import org.seed.sip.registrar.regevent.Notify;
import org.seed.sip.registrar.regevent.NotifyChannel;
import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription's dialog in the container: NOTIFYs go out on its SIP session, and its application session
 * lives exactly as long as the subscription. The container's default (3 minutes) would drop a longer
 * subscription, and a session never invalidated would stay in memory.
 */
final class SipNotifyChannel implements NotifyChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SipNotifyChannel.class);
    private static final int SECONDS_PER_MINUTE = 60;

    private final SipSession session;
    private final String event;

    /**
     * @param session the SIP session of the SUBSCRIBE's dialog
     * @param event   the SUBSCRIBE's Event header, which every NOTIFY repeats (RFC 6665 §4.2.2)
     */
    SipNotifyChannel(SipSession session, String event) {
        this.session = session;
        this.event = event;
    }

    @Override
    public boolean send(Notify notify) {
        try {
            SipServletRequest request = session.createRequest("NOTIFY");
            request.setHeader("Event", event);
            request.setHeader("Subscription-State", notify.subscriptionState());
            request.setContent(notify.body(), Reginfo.CONTENT_TYPE);
            request.send();
            LOG.debug("NOTIFY {} to {}: {}", event, request.getRequestURI(), notify.subscriptionState());
            return true;
        } catch (IllegalStateException | IOException e) {
            // the container dropped the dialog (session invalidated) or the transport refused the request
            LOG.debug("NOTIFY {} not sent: {}", event, e.toString());
            return false;
        }
    }

    /**
     * The application session's timeout is counted in whole minutes (JSR 289 {@code setExpires}): rounded
     * up, plus one so the final NOTIFY's transaction (at most 32 s, RFC 3261 Timer F) fits after the end.
     */
    @Override
    public void keepFor(long seconds) {
        try {
            SipApplicationSession application = session.getApplicationSession();
            if (application.isValid()) {
                application.setExpires((int) ((seconds + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE) + 1);
            }
        } catch (IllegalStateException e) {
            LOG.debug("session already gone: {}", e.toString());
        }
    }

    @Override
    public void close() {
        release(session);
    }

    /** Invalidates the dialog's application session, unless the container has done so already. */
    static void release(SipSession session) {
        try {
            SipApplicationSession application = session.getApplicationSession();
            if (application.isValid()) {
                application.invalidate();
            }
        } catch (IllegalStateException e) {
            LOG.debug("session already gone: {}", e.toString());
        }
    }
}
