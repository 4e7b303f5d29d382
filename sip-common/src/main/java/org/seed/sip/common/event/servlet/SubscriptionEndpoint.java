package org.seed.sip.common.event.servlet;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.event.Authorization;
import org.seed.sip.common.event.EventPackage;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.SubscribeDecision;
import org.seed.sip.common.event.SubscribeRequest;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.SipsTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter between the container and the notifier of one event package: SUBSCRIBEs in and out of dialog,
 * and the answers to its NOTIFYs.
 * <pre>
 *   subscriber                       notifier application
 *     |--- SUBSCRIBE resource ------->| 400 / 489 / 415 / 406 / 423, 404, 401, 403: answer, drop the sessions
 *     |<-- 200 OK (Expires) ----------| 200 for a pending one too (RFC 6665 §8.3.1 deprecates 202)
 *     |<-- NOTIFY (full, active) -----| the dialog's application session lives as long as the subscription
 *     |                               | (pending: a NOTIFY without state, until the owner decides)
 *     |--- SUBSCRIBE (in dialog) ---->| 481 once it has ended
 *     |<-- 200 OK, NOTIFY (full) -----|
 *     |<-- NOTIFY (terminated) -------| expiry or Expires: 0; its answer releases the sessions
 *     ~~~ the platform restarts: the container knows the dialog no more, the store does ~~~
 *     |--- SUBSCRIBE (in dialog) ---->| reaches the application as an initial request with a To tag:
 *     |<-- 200 OK, NOTIFY (full) -----| the stored subscription's, or 481 if there is none
 * </pre>
 */
public final class SubscriptionEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionEndpoint.class);

    private final EventPackage<?, ?> eventPackage;
    private final SubscribeRules rules;
    private final Notifier<?, ?> notifier;
    private final SipNotifySender sender;
    private final SipAuthentication authentication;

    public SubscriptionEndpoint(SubscribeRules rules, Notifier<?, ?> notifier, SipNotifySender sender,
            SipAuthentication authentication) {
        this.eventPackage = notifier.eventPackage();
        this.rules = rules;
        this.notifier = notifier;
        this.sender = sender;
        this.authentication = authentication;
    }

    public void subscribe(SipServletRequest request) throws IOException {
        if (!request.isInitial()) {
            subscribeInDialog(request);
        } else if (request.getTo().getParameter("tag") != null) {
            subscribeInRebuiltDialog(request);
        } else {
            subscribeInitial(request);
        }
    }

    private void subscribeInitial(SipServletRequest request) throws IOException {
        SubscribeRequest subscribe = SubscribeParser.parse(request);
        Optional<Resource> resource = eventPackage.resources().resolve(request.getRequestURI().toString());
        Optional<Subscriber> subscriber = Optional.empty();
        Authorization authorization = null;
        SubscribeDecision decision = rules.decide(subscribe);
        Optional<SipsTransport.Refusal> insecure = SipsTransport.checkRequest(request.getRequestURI().toString(),
                request.getInitialTransport());
        if (insecure.isPresent()) {
            // RFC 3261 §26.2.2: a sips: resource watched over an unsecured hop would get its NOTIFYs unsecured
            decision = SubscribeDecision.Reject.of(insecure.get().status(), insecure.get().reason());
        }
        if (decision instanceof SubscribeDecision.Accept) {
            if (resource.isEmpty()) {
                decision = SubscribeDecision.Reject.of(404, "Not Found");
            } else if (SubscribeParser.remoteTarget(request).isEmpty()) {
                // RFC 6665 §4.1.2.1: NOTIFYs go to the SUBSCRIBE's Contact
                decision = SubscribeDecision.Reject.of(400, "Missing Contact Header");
            } else {
                subscriber = authenticate(request, resource.get());
                authorization = subscriber.isEmpty() ? null
                        : eventPackage.authorization().authorize(resource.get(), subscriber.get());
                decision = authorization == null ? null
                        : authorization instanceof Authorization.Refused refused ? refused.reject() : decision;
            }
        }
        if (decision instanceof SubscribeDecision.Accept accept) {
            SipServletResponse response = answer(request, accept);
            String id = UUID.randomUUID().toString();
            SubscriptionRecord record = SubscribeParser.record(id, eventPackage.name(), resource.orElseThrow(),
                    subscribe.event(), request, response.getTo().getParameter("tag"), subscriber.orElseThrow(),
                    Instant.now().plusSeconds(accept.expires()))
                    .withPending(authorization instanceof Authorization.Pending);
            notifier.accept(record, accept.expires());
            sender.attach(id, request.getSession(), null, record.source());
            response.send();
            log(request, response.getStatus(), " (expires " + accept.expires() + ")");
            notifier.subscribe(record, accept.expires());
        } else {
            if (decision instanceof SubscribeDecision.Reject reject) {
                answer(request, reject);
            }
            // no subscription: nothing may keep the sessions the container made for this request
            request.getApplicationSession().invalidate();
        }
    }

    /** RFC 6665 §4.2.1.3: authenticate every new subscription; empty once the challenge has been answered. */
    private Optional<Subscriber> authenticate(SipServletRequest request, Resource resource) throws IOException {
        Optional<Authenticated> who = authentication.authenticate(request, resource.realm());
        if (who.isEmpty()) {
            LOG.info("SUBSCRIBE {} {} from {}:{} -> challenged or refused", eventPackage.name(), resource.uri(),
                    request.getInitialRemoteAddr(), request.getInitialRemotePort());
        }
        return who.map(authenticated -> new Subscriber(authenticated.username(), authenticated.realm(),
                authenticated.admin()));
    }

    /**
     * RFC 6665 §4.2.1.2: a SUBSCRIBE in the dialog refreshes the subscription, or ends it with Expires: 0.
     * The dialog authenticated its subscriber when it was made; a refresh is not challenged again.
     */
    private void subscribeInDialog(SipServletRequest request) throws IOException {
        String id = (String) request.getSession().getAttribute(SipNotifySender.SUBSCRIPTION);
        if (id == null || !notifier.isActive(id)) {
            answer(request, SubscribeDecision.Reject.of(481, "Subscription Does Not Exist"));
            return;
        }
        SubscribeDecision decision = rules.decide(SubscribeParser.parse(request));
        if (decision instanceof SubscribeDecision.Accept accept) {
            sender.refreshedFrom(id, SubscribeParser.origin(request));
            refresh(request, id, accept, null);
        } else {
            // a refused refresh leaves the subscription as it was
            answer(request, (SubscribeDecision.Reject) decision);
        }
    }

    /**
     * A SUBSCRIBE with a To tag that the container took for an initial request: it knows no dialog for it,
     * which after a restart is the case of every stored subscription. The stored dialog decides; once
     * refreshed, the subscription's NOTIFYs go in this request's session again, under a Contact that routes
     * the subscriber's next requests to it ({@link RoutableContact}).
     */
    private void subscribeInRebuiltDialog(SipServletRequest request) throws IOException {
        SubscribeRequest subscribe = SubscribeParser.parse(request);
        String localTag = request.getTo().getParameter("tag");
        Optional<SubscriptionRecord> stored = subscribe.event() == null ? Optional.empty()
                : notifier.inDialog(request.getCallId(), localTag, request.getFrom().getParameter("tag"),
                        subscribe.event().toString());
        Optional<String> contact = RoutableContact.of(request, localTag);
        if (stored.isEmpty() || contact.isEmpty()) {
            // RFC 3261 §12.2.2: a request of a dialog the UAS does not know
            answer(request, SubscribeDecision.Reject.of(481, "Call/Transaction Does Not Exist"));
            request.getApplicationSession().invalidate();
            return;
        }
        SubscribeDecision decision = rules.decide(subscribe);
        if (decision instanceof SubscribeDecision.Accept accept) {
            sender.attach(stored.get().id(), request.getSession(), contact.get(), SubscribeParser.origin(request));
            refresh(request, stored.get().id(), accept, contact.get());
        } else {
            answer(request, (SubscribeDecision.Reject) decision);
            request.getApplicationSession().invalidate();
        }
    }

    /** @param contact the 200 OK's Contact, or null for the container's */
    private void refresh(SipServletRequest request, String id, SubscribeDecision.Accept accept, String contact)
            throws IOException {
        SipServletResponse response = answer(request, accept);
        if (contact != null) {
            response.setHeader("Contact", contact);
        }
        response.send();
        log(request, response.getStatus(), " (expires " + accept.expires() + ")");
        notifier.refresh(id, accept.expires());
    }

    /** The answer to a NOTIFY: the notifier learns it (an error ends the subscription). */
    public void answered(SipServletResponse response) {
        SipSession session = response.getSession();
        if (!"NOTIFY".equals(response.getMethod()) || response.getStatus() < 200 || !session.isValid()) {
            return;
        }
        if (session.getAttribute(SipNotifySender.SUBSCRIPTION) instanceof String id) {
            notifier.answered(id, response.getStatus());
        }
    }

    /** The 200 OK, not yet sent. RFC 6665 §4.2.1.1: it states the duration granted, maybe shorter than asked. */
    private static SipServletResponse answer(SipServletRequest request, SubscribeDecision.Accept accept) {
        SipServletResponse response = request.createResponse(SipServletResponse.SC_OK);
        response.setHeader("Expires", Integer.toString(accept.expires()));
        return response;
    }

    private static void answer(SipServletRequest request, SubscribeDecision.Reject reject) throws IOException {
        SipServletResponse response = request.createResponse(reject.status(), reject.reason());
        reject.headers().forEach(response::setHeader);
        response.send();
        log(request, reject.status(), "");
    }

    private static void log(SipServletRequest request, int status, String detail) {
        LOG.info("SUBSCRIBE {} {} from {}:{} -> {}{}", request.getHeader("Event"), request.getRequestURI(),
                request.getInitialRemoteAddr(), request.getInitialRemotePort(), status, detail);
    }
}
