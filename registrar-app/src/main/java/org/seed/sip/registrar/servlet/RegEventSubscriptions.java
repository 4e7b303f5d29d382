package org.seed.sip.registrar.servlet;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.regevent.RegEventNotifier;
import org.seed.sip.registrar.regevent.SubscriptionAccess;
import org.seed.sip.registrar.regevent.rules.SubscribeDecision;
import org.seed.sip.registrar.regevent.rules.SubscribeRequest;
import org.seed.sip.registrar.regevent.rules.SubscriptionRules;
import org.seed.sip.registrar.regevent.rules.Watcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter between the container and the reg event notifier: SUBSCRIBE {@code Event: reg} in and out of
 * dialog, and the answers to its NOTIFYs.
 * <pre>
 *   watcher                          registrar-app
 *     |--- SUBSCRIBE sip:aor -------->| 489 / 406 / 423, 404, 401, 403: answer, drop the sessions
 *     |<-- 200 OK (Expires) ----------|
 *     |<-- NOTIFY (full, active) -----| the dialog's application session lives as long as the subscription
 *     |--- SUBSCRIBE (in dialog) ---->| 481 once it has ended
 *     |<-- 200 OK, NOTIFY (full) -----|
 *     |<-- NOTIFY (terminated) -------| expiry or Expires: 0; its answer releases the sessions
 * </pre>
 */
final class RegEventSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(RegEventSubscriptions.class);
    /** SIP session attribute: the id of the subscription its dialog carries. */
    private static final String SUBSCRIPTION = RegEventSubscriptions.class.getName() + ".subscription";

    private final SubscriptionRules rules;
    private final SubscriptionAccess access;
    private final RegEventNotifier notifier;
    private final SipAuthentication authentication;

    RegEventSubscriptions(SubscriptionRules rules, SubscriptionAccess access, RegEventNotifier notifier,
            SipAuthentication authentication) {
        this.rules = rules;
        this.access = access;
        this.notifier = notifier;
        this.authentication = authentication;
    }

    void subscribe(SipServletRequest request) throws IOException {
        if (request.isInitial()) {
            subscribeInitial(request);
        } else {
            subscribeInDialog(request);
        }
    }

    private void subscribeInitial(SipServletRequest request) throws IOException {
        SubscribeRequest subscribe = SubscribeRequestParser.parse(request);
        Optional<AddressOfRecord> aor = SubscribeRequestParser.aor(request);
        SubscribeDecision decision = decide(request, subscribe, aor);
        if (decision instanceof SubscribeDecision.Accept accept) {
            answer(request, accept);
            notifier.subscribe(aor.orElseThrow().toString(), accept.expires(),
                    new SipNotifyChannel(request.getSession(), subscribe.event().toString()))
                    .ifPresent(id -> request.getSession().setAttribute(SUBSCRIPTION, id));
        } else {
            if (decision instanceof SubscribeDecision.Reject reject) {
                answer(request, reject);
            }
            // no subscription: nothing may keep the sessions the container made for this request
            request.getApplicationSession().invalidate();
        }
    }

    /** The decision on an initial SUBSCRIBE; null when authentication has answered already (401, 403). */
    private SubscribeDecision decide(SipServletRequest request, SubscribeRequest subscribe,
            Optional<AddressOfRecord> aor) throws IOException {
        SubscribeDecision decision = rules.decide(subscribe);
        if (decision instanceof SubscribeDecision.Reject) {
            return decision;
        }
        if (aor.isEmpty() || !access.servesDomainOf(aor.get())) {
            return SubscribeDecision.Reject.of(404, "Not Found");
        }
        // RFC 6665 §4.2.1.3 and RFC 3680 §4.6: authenticate, then authorize, every new subscription
        Optional<Authenticated> who = authentication.authenticate(request, aor.get().domain());
        if (who.isEmpty()) {
            LOG.info("SUBSCRIBE reg {} from {}:{} -> challenged or refused", aor.get(),
                    request.getInitialRemoteAddr(), request.getInitialRemotePort());
            return null;
        }
        Watcher watcher = new Watcher(who.get().username(), who.get().realm(), who.get().admin());
        return access.refusal(aor.get(), watcher).<SubscribeDecision>map(reject -> reject).orElse(decision);
    }

    /**
     * RFC 6665 §4.2.1.2: a SUBSCRIBE in the dialog refreshes the subscription, or ends it with Expires: 0.
     * The dialog authenticated its subscriber when it was made; a refresh is not challenged again.
     */
    private void subscribeInDialog(SipServletRequest request) throws IOException {
        String id = (String) request.getSession().getAttribute(SUBSCRIPTION);
        if (id == null || !notifier.isActive(id)) {
            answer(request, SubscribeDecision.Reject.of(481, "Subscription Does Not Exist"));
            return;
        }
        SubscribeDecision decision = rules.decide(SubscribeRequestParser.parse(request));
        if (decision instanceof SubscribeDecision.Accept accept) {
            answer(request, accept);
            notifier.refresh(id, accept.expires());
        } else {
            // a refused refresh leaves the subscription as it was
            answer(request, (SubscribeDecision.Reject) decision);
        }
    }

    /** The answer to a NOTIFY: an error ends the subscription; any answer to a final one ends the dialog. */
    void notifyAnswered(SipServletResponse response) {
        SipSession session = response.getSession();
        if (!"NOTIFY".equals(response.getMethod()) || response.getStatus() < 200 || !session.isValid()) {
            return;
        }
        boolean failed = response.getStatus() >= 300;
        if (failed && session.getAttribute(SUBSCRIPTION) instanceof String id) {
            // RFC 6665 §4.2.2: 481 says the subscription is gone; any other error, that NOTIFYs cannot reach it
            notifier.notifyFailed(id, response.getStatus());
        }
        String state = response.getRequest().getHeader("Subscription-State");
        if (failed || (state != null && state.startsWith("terminated"))) {
            SipNotifyChannel.release(session);
        }
    }

    private static void answer(SipServletRequest request, SubscribeDecision.Accept accept) throws IOException {
        SipServletResponse response = request.createResponse(SipServletResponse.SC_OK);
        // RFC 6665 §4.2.1.1: the 200 states the duration granted, which may be shorter than asked
        response.setHeader("Expires", Integer.toString(accept.expires()));
        response.send();
        log(request, SipServletResponse.SC_OK, " (expires " + accept.expires() + ")");
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
