package org.seed.sip.common.event.servlet;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.seed.sip.common.reach.Origin;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.reach.Reachability;
import org.seed.sip.common.servlet.SipNextHop;
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
 * Either goes where {@link Reachability#ofDialog} says: over the connection of the subscriber's latest
 * SUBSCRIBE when it came over TCP or TLS, which is the only way to a phone behind NAT and, for TLS, the only
 * way at all (the platform cannot open a TLS connection yet); to its Contact over the same transport once
 * that connection has closed, which after a restart it always has.
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
     * A dialog the container knows: the session of its SUBSCRIBE, the Contact its NOTIFYs carry when the
     * container's own would not route the subscriber's next requests back here (null otherwise), and where
     * the subscriber's latest SUBSCRIBE came from, whose connection its NOTIFYs take.
     */
    private record LiveDialog(SipSession session, String contact, Origin origin) {
    }

    public SipNotifySender(SipFactory factory) {
        this.factory = factory;
    }

    /**
     * NOTIFYs of subscription {@code id} go in {@code session}, the dialog of the SUBSCRIBE that made or
     * refreshed it, with {@code contact} as their Contact (null: the container's), over the connection that
     * SUBSCRIBE came on ({@code origin}).
     */
    void attach(String id, SipSession session, String contact, Origin origin) {
        session.setAttribute(SUBSCRIPTION, id);
        live.put(id, new LiveDialog(session, contact, origin));
    }

    /**
     * A SUBSCRIBE refreshed subscription {@code id} in its live dialog from {@code origin}: the subscriber may
     * have opened another connection since (RFC 5626 §4.4: a phone reconnects when its flow fails).
     */
    void refreshedFrom(String id, Origin origin) {
        live.computeIfPresent(id, (key, dialog) -> new LiveDialog(dialog.session(), dialog.contact(), origin));
    }

    @Override
    public Result send(SubscriptionRecord subscription, Notify notify) {
        LiveDialog dialog = live.get(subscription.id());
        SipServletRequest request = request(subscription, notify, dialog);
        if (request == null) {
            return dialog != null ? Result.DIALOG_GONE : Result.NOT_NOW;
        }
        Origin origin = dialog != null ? dialog.origin() : subscription.source();
        Reach reach = Reachability.ofDialog(request.getRequestURI().toString(), routeSet(request), origin);
        // the connections of the platform's previous run are closed: a rebuilt dialog's NOTIFY takes the fallback
        String destination = dialog == null && reach.fallback() != null ? reach.fallback() : reach.destination();
        try {
            SipNextHop.send(request, reach, destination);
        } catch (IllegalStateException | IOException e) {
            if (dialog == null) {
                // the transport refused the rebuilt request: its session would live on for nothing until the retry
                LOG.debug("NOTIFY {} not sent: {}", subscription.event(), e.toString());
                discard(request);
                return Result.NOT_NOW;
            }
            if (reach.fallback() == null) {
                // the dialog went meanwhile, or the transport refused the request
                LOG.debug("NOTIFY {} not sent: {}", subscription.event(), e.toString());
                return Result.DIALOG_GONE;
            }
            // the subscriber's connection has closed: its Contact over the same transport (RFC 5626 §3.1)
            LOG.debug("NOTIFY {} not sent to {}: {}; trying {}", subscription.event(), destination, e.toString(),
                    reach.fallback());
            return retry(subscription, notify, dialog, reach);
        }
        LOG.debug("NOTIFY {} to {} via {}: {}", subscription.event(), request.getRequestURI(), destination,
                notify.subscriptionState());
        // the container finds a response's session by its From tag, which a rebuilt NOTIFY has changed
        // after the session was made: it drops the answer (see docs/design-notes.md)
        return dialog != null ? Result.SENT : Result.SENT_UNTRACKED;
    }

    /** The NOTIFY of a live dialog again, to the fallback of its subscriber's closed connection. */
    private Result retry(SubscriptionRecord subscription, Notify notify, LiveDialog dialog, Reach reach) {
        SipServletRequest request = request(subscription, notify, dialog);
        if (request == null) {
            return Result.DIALOG_GONE;
        }
        try {
            SipNextHop.send(request, reach, reach.fallback());
            return Result.SENT;
        } catch (IllegalStateException | IOException e) {
            LOG.debug("NOTIFY {} not sent: {}", subscription.event(), e.toString());
            return Result.DIALOG_GONE;
        }
    }

    /**
     * The NOTIFY with its headers and body: in the live dialog, or rebuilt from the stored one; null when the
     * live dialog is gone or the stored one cannot be rebuilt now.
     */
    private SipServletRequest request(SubscriptionRecord subscription, Notify notify, LiveDialog dialog) {
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
                return null;
            }
        } else {
            try {
                request = rebuilt(subscription.dialog());
            } catch (IllegalStateException | IllegalArgumentException | ServletParseException e) {
                // not yet in service (no connector), or a stored value it cannot parse
                LOG.debug("NOTIFY {} not rebuilt: {}", subscription.event(), e.toString());
                return null;
            }
        }
        try {
            request.setHeader("Event", subscription.event());
            request.setHeader("Subscription-State", notify.subscriptionState());
            // RFC 3261 §12.2.1.1: the dialog's next CSeq, which the notifier keeps across restarts; the
            // container's dialog adopts a higher number than its own
            request.setHeader("CSeq", notify.cseq() + " NOTIFY");
            if (notify.hasBody()) {
                request.setContent(notify.body(), notify.contentType());
            }
            request.getSession().setAttribute(SUBSCRIPTION, subscription.id());
            return request;
        } catch (IllegalStateException | IOException e) {
            // the dialog went meanwhile
            LOG.debug("NOTIFY {} not sent: {}", subscription.event(), e.toString());
            if (dialog == null) {
                discard(request);
            }
            return null;
        }
    }

    /** Ends the application session of a rebuilt NOTIFY that will not be sent. */
    private static void discard(SipServletRequest rebuilt) {
        try {
            rebuilt.getApplicationSession().invalidate();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("rebuilt NOTIFY's session already gone");
        }
    }

    private static List<String> routeSet(SipServletRequest request) {
        List<String> routes = new ArrayList<>();
        request.getHeaders("Route").forEachRemaining(routes::add);
        return routes;
    }

    /**
     * A NOTIFY outside any container dialog, as the dialog's UAS would send it in it (RFC 3261 §12.2.1.1):
     * From and To with the dialog's tags, its Call-ID, the remote target as Request-URI and the route set
     * as Route headers (loose routing, RFC 3261 §16.12).
     */
    private SipServletRequest rebuilt(SubscriptionDialog dialog) throws ServletParseException {
        SipApplicationSession application = factory.createApplicationSession();
        // no answer will reach it: the container drops the session once the NOTIFY's transaction is over
        application.setExpires(minutes(NOTIFY_TRANSACTION_SECONDS));
        try {
            SipServletRequest request = factory.createRequest(application, "NOTIFY",
                    factory.createAddress(dialog.localUri()), factory.createAddress(dialog.remoteUri()));
            request.setHeader("Call-ID", dialog.callId());
            request.setHeader("From", "<" + dialog.localUri() + ">;tag=" + dialog.localTag());
            request.setHeader("To", "<" + dialog.remoteUri() + ">;tag=" + dialog.remoteTag());
            request.setRequestURI(factory.createURI(dialog.remoteTarget()));
            for (String route : dialog.routeSet()) {
                request.addHeader("Route", route);
            }
            return request;
        } catch (ServletParseException | RuntimeException e) {
            // a stored value it cannot parse: the session would otherwise wait for its timeout
            application.invalidate();
            throw e;
        }
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
