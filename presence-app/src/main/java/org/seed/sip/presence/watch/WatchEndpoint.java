package org.seed.sip.presence.watch;

import java.io.IOException;

import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

import org.seed.sip.common.event.EventHeader;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.common.event.servlet.SipNotifySender;
import org.seed.sip.common.event.servlet.SubscriptionEndpoint;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.presence.watch.winfo.Watcherinfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE to presence (RFC 3856) and to its watcher information (RFC 3857), and the answers to their
 * NOTIFYs: each package has its own endpoint on the shared event machinery; the Event header chooses.
 */
public final class WatchEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(WatchEndpoint.class);
    static final String PRESENCE = "presence";
    static final String WATCHER_INFO = "presence.winfo";

    private final PresenceEvents events;
    private final SubscribeRules presenceRules;
    private final SubscribeRules watcherInfoRules;
    private final SipAuthentication authentication;
    private SubscriptionEndpoint presence;
    private SubscriptionEndpoint watcherInfo;

    public WatchEndpoint(PresenceEvents events, WatchSettings settings, SipAuthentication authentication) {
        this.events = events;
        this.presenceRules = new SubscribeRules(PRESENCE, PresenceEventPackage.CONTENT_TYPE, settings.subscriptions());
        this.watcherInfoRules = new SubscribeRules(WATCHER_INFO, Watcherinfo.CONTENT_TYPE, settings.subscriptions());
        this.authentication = authentication;
    }

    /** Starts sending NOTIFYs: the stored subscriptions of both packages resume. */
    public void start(SipFactory factory) {
        SipNotifySender presenceSender = new SipNotifySender(factory);
        events.presence().start(presenceSender);
        presence = new SubscriptionEndpoint(presenceRules, events.presence(), presenceSender, authentication);
        SipNotifySender watcherInfoSender = new SipNotifySender(factory);
        events.watcherInfo().start(watcherInfoSender);
        watcherInfo = new SubscriptionEndpoint(watcherInfoRules, events.watcherInfo(), watcherInfoSender,
                authentication);
    }

    public void subscribe(SipServletRequest request) throws IOException {
        String event = request.getHeader("Event");
        String packageName = event == null ? null : EventHeader.parse(event).packageName();
        if (WATCHER_INFO.equals(packageName)) {
            watcherInfo.subscribe(request);
        } else if (packageName == null || PRESENCE.equals(packageName)) {
            presence.subscribe(request);
        } else {
            // RFC 6665 §8.3.2: both packages served here
            SipServletResponse response = request.createResponse(489, "Bad Event");
            response.setHeader("Allow-Events", PRESENCE + ", " + WATCHER_INFO);
            response.send();
            LOG.info("SUBSCRIBE {} {} from {}:{} -> 489", event, request.getRequestURI(),
                    request.getInitialRemoteAddr(), request.getInitialRemotePort());
            if (request.isInitial()) {
                request.getApplicationSession().invalidate();
            }
        }
    }

    public void answered(SipServletResponse response) {
        presence.answered(response);
        watcherInfo.answered(response);
    }
}
