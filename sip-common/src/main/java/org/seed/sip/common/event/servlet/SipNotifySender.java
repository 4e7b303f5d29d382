package org.seed.sip.common.event.servlet;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

import org.seed.sip.common.event.Notify;
import org.seed.sip.common.event.NotifySender;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends NOTIFYs in the container. A subscription made since the application started has the SIP session of
 * its SUBSCRIBE's dialog, whose application session lives exactly as long as the subscription (the
 * container's default, 3 minutes, would drop a longer one, and one never invalidated would stay in memory).
 * A subscription taken back from the store after a restart has no session until its subscriber refreshes
 * it: each of its NOTIFYs is a new request rebuilt from the stored dialog (Call-ID, tags, remote target,
 * route set, CSeq), whose answer the container cannot deliver. See docs/design-notes.md "Event packages".
 * <p>
 * Setting Call-ID, From and To tags and CSeq needs the application's context parameter
 * {@code org.restcomm.servlets.sip.OVERRIDE_SYSTEM_HEADER_MODIFICATION=Modifiable}.
 */
public final class SipNotifySender implements NotifySender {

    private static final Logger LOG = LoggerFactory.getLogger(SipNotifySender.class);
    /** SIP session attribute: the id of the subscription whose NOTIFY the session carries. */
    static final String SUBSCRIPTION = SipNotifySender.class.getName() + ".subscription";
    private static final int SECONDS_PER_MINUTE = 60;
    /** RFC 3261 Timer F (64 x T1): the longest a NOTIFY's transaction lasts. */
    private static final int NOTIFY_TRANSACTION_SECONDS = 32;

    private final SipFactory factory;
    private final Map<String, LiveDialog> live = new ConcurrentHashMap<>();

    /**
     * A dialog the container knows: the session of its SUBSCRIBE, and the Contact its NOTIFYs carry when the
     * container's own would not route the subscriber's next requests back here (null otherwise).
     */
    private record LiveDialog(SipSession session, String contact) {
    }

    public SipNotifySender(SipFactory factory) {
        this.factory = factory;
    }

    /**
     * NOTIFYs of subscription {@code id} go in {@code session}, the dialog of the SUBSCRIBE that made or
     * refreshed it, with {@code contact} as their Contact (null: the container's).
     */
    void attach(String id, SipSession session, String contact) {
        session.setAttribute(SUBSCRIPTION, id);
        live.put(id, new LiveDialog(session, contact));
    }

    @Override
    public Result send(SubscriptionRecord subscription, Notify notify) {
        LiveDialog dialog = live.get(subscription.id());
        SipServletRequest request;
        if (dialog != null) {
            try {
                request = dialog.session().createRequest("NOTIFY");
                if (dialog.contact() != null) {
                    // RFC 6665 §4.1.3: a NOTIFY refreshes the subscriber's remote target; keep it routable
                    request.setHeader("Contact", dialog.contact());
                }
            } catch (IllegalStateException e) {
                // the container dropped the dialog (session invalidated or expired)
                live.remove(subscription.id());
                LOG.debug("NOTIFY {} not sent: {}", subscription.event(), e.toString());
                return Result.DIALOG_GONE;
            }
        } else {
            try {
                request = rebuilt(subscription.dialog());
            } catch (IllegalStateException | IllegalArgumentException | ServletParseException e) {
                // not yet in service (no connector), or a stored value it cannot parse
                LOG.debug("NOTIFY {} not rebuilt: {}", subscription.event(), e.toString());
                return Result.NOT_NOW;
            }
        }
        try {
            request.setHeader("Event", subscription.event());
            request.setHeader("Subscription-State", notify.subscriptionState());
            // RFC 3261 §12.2.1.1: the dialog's next CSeq, which the notifier keeps across restarts; the
            // container's dialog adopts a higher number than its own
            request.setHeader("CSeq", notify.cseq() + " NOTIFY");
            request.setContent(notify.body(), notify.contentType());
            request.getSession().setAttribute(SUBSCRIPTION, subscription.id());
            request.send();
            LOG.debug("NOTIFY {} to {}: {}", subscription.event(), request.getRequestURI(), notify.subscriptionState());
            // the container finds a response's session by its From tag, which a rebuilt NOTIFY has changed
            // after the session was made: it drops the answer (see docs/design-notes.md)
            return dialog != null ? Result.SENT : Result.SENT_UNTRACKED;
        } catch (IllegalStateException | IOException e) {
            // the dialog went meanwhile, or the transport refused the request
            LOG.debug("NOTIFY {} not sent: {}", subscription.event(), e.toString());
            return dialog != null ? Result.DIALOG_GONE : Result.NOT_NOW;
        }
    }

    /**
     * A NOTIFY outside any container dialog, as the dialog's UAS would send it in it (RFC 3261 §12.2.1.1):
     * From and To with the dialog's tags, its Call-ID, the remote target as Request-URI and the route set
     * as Route headers (loose routing, RFC 3261 §16.12).
     */
    private SipServletRequest rebuilt(SubscriptionDialog dialog) throws ServletParseException {
        SipApplicationSession application = factory.createApplicationSession();
        SipServletRequest request = factory.createRequest(application, "NOTIFY",
                factory.createAddress(dialog.localUri()), factory.createAddress(dialog.remoteUri()));
        request.setHeader("Call-ID", dialog.callId());
        request.setHeader("From", "<" + dialog.localUri() + ">;tag=" + dialog.localTag());
        request.setHeader("To", "<" + dialog.remoteUri() + ">;tag=" + dialog.remoteTag());
        request.setRequestURI(factory.createURI(dialog.remoteTarget()));
        for (String route : dialog.routeSet()) {
            request.addHeader("Route", route);
        }
        // no answer will reach it: the container drops the session once the NOTIFY's transaction is over
        application.setExpires(minutes(NOTIFY_TRANSACTION_SECONDS));
        return request;
    }

    /**
     * The application session's timeout is counted in whole minutes (JSR 289 {@code setExpires}): rounded
     * up, plus one so the final NOTIFY's transaction (at most 32 s, RFC 3261 Timer F) fits after the end.
     */
    @Override
    public void keepUntil(SubscriptionRecord subscription, Instant until) {
        LiveDialog dialog = live.get(subscription.id());
        if (dialog == null) {
            return;
        }
        try {
            SipApplicationSession application = dialog.session().getApplicationSession();
            if (application.isValid()) {
                application.setExpires(minutes(Math.max(0, Duration.between(Instant.now(), until).toSeconds())));
            }
        } catch (IllegalStateException e) {
            LOG.debug("session already gone: {}", e.toString());
        }
    }

    @Override
    public void release(SubscriptionRecord subscription) {
        LiveDialog dialog = live.remove(subscription.id());
        if (dialog != null) {
            invalidate(dialog.session());
        }
    }

    private static int minutes(long seconds) {
        return (int) ((seconds + SECONDS_PER_MINUTE - 1) / SECONDS_PER_MINUTE) + 1;
    }

    /** Invalidates the session's application session, unless the container has done so already. */
    static void invalidate(SipSession session) {
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
