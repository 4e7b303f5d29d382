package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TimerService;

import org.seed.sip.b2bua.timer.CallTimers;
import org.seed.sip.b2bua.timer.RefreshMethod;
import org.seed.sip.b2bua.timer.RefreshOutcome;
import org.seed.sip.b2bua.timer.SessionTerms;
import org.seed.sip.b2bua.timer.SessionTimer;
import org.seed.sip.b2bua.timer.TimerAction;
import org.seed.sip.b2bua.timer.TimerHeader;
import org.seed.sip.b2bua.timer.TimerHeaders;
import org.seed.sip.b2bua.timer.TimerOffer;
import org.seed.sip.b2bua.timer.TimerSettings;
import org.seed.sip.b2bua.timer.UacTimerRules;
import org.seed.sip.b2bua.timer.UasTimerDecision;
import org.seed.sip.b2bua.timer.UasTimerRules;

/**
 * The container side of session timers (RFC 4028) and the maximum call duration: what the timer rules
 * ({@code org.seed.sip.b2bua.timer}) decide, read from and written into the messages of a call's two dialogs,
 * with one container timer per call for the next refresh, expiry or end. Each dialog has its own session
 * timer, the B2BUA being UAS to the caller and UAC to the callee; nothing of either is copied across.
 */
final class CallSessionTimers {

    private static final String SESSION_EXPIRES = TimerHeaders.SESSION_EXPIRES;
    private static final String MIN_SE = TimerHeaders.MIN_SE;
    /** On a re-INVITE or UPDATE the B2BUA answers: the session timer it granted (RFC 4028 §9). */
    private static final String GRANTED = CallSessionTimers.class.getName() + ".granted";
    /** On a request the B2BUA sends in a joined dialog: the session timer it asked for (RFC 4028 §7.4). */
    private static final String TIMER_OFFER = CallSessionTimers.class.getName() + ".timerOffer";
    /** On a session refresh of the B2BUA's own: how it was sent. */
    private static final String REFRESH = CallSessionTimers.class.getName() + ".refresh";

    /** How a call is ended on both sides (the controller's BYEs), with its record's cause. */
    @FunctionalInterface
    interface HangUp {
        void hangUp(Call call, String cause) throws IOException;
    }

    private final TimerSettings settings;
    private final UasTimerRules uas;
    private final UacTimerRules uac;
    private final TimerService timers;
    private final Clock clock;
    private final HangUp hangUp;

    CallSessionTimers(TimerSettings settings, TimerService timers, Clock clock, HangUp hangUp) {
        this.settings = settings;
        this.uas = new UasTimerRules(settings);
        this.uac = new UacTimerRules(settings);
        this.timers = timers;
        this.clock = clock;
        this.hangUp = hangUp;
    }

    /** RFC 4028 §9: the session interval of a request the B2BUA answers (an INVITE, a re-INVITE, an UPDATE). */
    UasTimerDecision received(SipServletRequest request) {
        return uas.decide(request.getHeader(SESSION_EXPIRES), request.getHeader(MIN_SE), supportsTimer(request));
    }

    /** RFC 4028 §7.1: asks for a session timer in a leg's INVITE. */
    TimerOffer offer(SipServletRequest invite) {
        return offer(invite, uac.initialOffer());
    }

    TimerOffer offer(SipServletRequest request, TimerOffer offer) {
        replace(request, offer.headers());
        return offer;
    }

    /** A 422 to a leg's INVITE: the offer to send again, once (RFC 4028 §7.2); empty when it failed for good. */
    Optional<TimerOffer> after422(TimerOffer sent, SipServletResponse tooSmall) {
        return uac.after422(sent, tooSmall.getHeader(MIN_SE));
    }

    /**
     * The call was answered: the caller's 2xx gets the terms its INVITE was granted, and the call's one timer
     * starts for the first of both dialogs' refreshes and expiries and the maximum duration.
     */
    void answered(Call call, Leg leg, SipServletResponse legAnswer, SipServletResponse toCaller) {
        replace(toCaller, call.callerTimer.headers());
        Instant now = clock.instant();
        SessionTerms callee = uac.answered(leg.timerOffer, legAnswer.getHeader(SESSION_EXPIRES));
        call.timers = CallTimers.answered(settings, SessionTimer.start(call.callerTimer.terms(), now),
                SessionTimer.start(callee, now), now);
        schedule(call);
    }

    /**
     * The call's timer fired: the action due is taken (a refresh sent, or the call ended on expiry or at its
     * maximum duration); none is due when a refresh moved it, and the timer is set again.
     */
    void fired(Call call) throws IOException {
        if (call.timers == null) {
            return;
        }
        Optional<TimerAction> due = call.timers.due(clock.instant());
        if (due.isEmpty()) {
            schedule(call);
            return;
        }
        TimerAction action = due.get();
        switch (action.kind()) {
            case MAX_DURATION -> hangUp.hangUp(call, "max-duration");
            case EXPIRE -> hangUp.hangUp(call, "session-expired");
            case REFRESH -> refresh(call, action.leg(), RefreshMethod.forPeer(call.allowOf(call.side(action.leg()))),
                    null);
        }
    }

    /**
     * RFC 4028 §7.4: the B2BUA refreshes a dialog it is the refresher of, with UPDATE if the party allows it,
     * else a re-INVITE repeating the last offer it sent that party; {@code offer} null for its own terms.
     */
    private void refresh(Call call, CallTimers.Leg leg, RefreshMethod method, TimerOffer offer) throws IOException {
        SipSession party = call.side(leg);
        boolean reinvite = method == RefreshMethod.REINVITE;
        SipServletRequest refresh;
        try {
            refresh = party.createRequest(reinvite ? "INVITE" : "UPDATE");
        } catch (IllegalStateException e) {
            // a transaction of the dialog is under way (RFC 3261 §14.1): the session goes on, tried again later
            refreshFailed(call, leg);
            return;
        }
        if (reinvite) {
            Optional<SipServletMessage> last = call.lastBodySentTo(party);
            if (last.isPresent()) {
                MessageCopy.copyBody(last.get(), refresh);
            }
            call.invitesOutstanding.add(party.getId());
        }
        refresh.setAttribute(REFRESH, method);
        if (offer == null) {
            refresh.setAttribute(TIMER_OFFER, offer(refresh, uac.refreshOffer(call.timers.timer(leg).terms())));
            call.timers = call.timers.with(leg, call.timers.timer(leg).refreshSent());
            schedule(call);
        } else {
            refresh.setAttribute(TIMER_OFFER, offer(refresh, offer));
        }
        Legs.send(refresh, call.reachOf(party));
    }

    /** Whether {@code response} answers a refresh of the B2BUA's own. */
    static boolean answersRefresh(SipServletResponse response) {
        return response.getRequest().getAttribute(REFRESH) != null;
    }

    /** RFC 4028 §10: what the answer to a refresh of the B2BUA's own means for its dialog. */
    void refreshAnswered(Call call, SipServletResponse response) throws IOException {
        if (response.getStatus() < 200) {
            return;
        }
        RefreshMethod method = (RefreshMethod) response.getRequest().getAttribute(REFRESH);
        if (method == RefreshMethod.REINVITE) {
            call.invitesOutstanding.remove(response.getSession().getId());
            if (response.getStatus() < 300) {
                CallController.acknowledge(response, null, call.reachOf(response.getSession()));
            }
        }
        Optional<CallTimers.Leg> leg = call.timerLeg(response.getSession());
        if (leg.isEmpty() || call.state != Call.State.CONNECTED) {
            return;
        }
        TimerOffer sent = (TimerOffer) response.getRequest().getAttribute(TIMER_OFFER);
        switch (RefreshOutcome.of(response.getStatus(), method)) {
            case REFRESHED -> refreshedByAnswer(call, leg.get(), sent, response);
            case END_SESSION -> hangUp.hangUp(call, "session-expired");
            case RETRY_AS_REINVITE -> refresh(call, leg.get(), RefreshMethod.REINVITE, sent);
            case RETRY_WITH_LONGER_INTERVAL -> {
                Optional<TimerOffer> longer = uac.after422(sent, response.getHeader(MIN_SE));
                if (longer.isPresent()) {
                    refresh(call, leg.get(), method, longer.get());
                } else {
                    refreshFailed(call, leg.get());
                }
            }
            case NOT_REFRESHED -> refreshFailed(call, leg.get());
        }
    }

    /** A re-INVITE or UPDATE the B2BUA relays was granted {@code terms} on the dialog it came in. */
    void granted(SipServletRequest request, UasTimerDecision.Accept terms) {
        request.setAttribute(GRANTED, terms);
    }

    /** A 2xx to a relayed re-INVITE or UPDATE refreshed both dialogs it crossed (RFC 4028 §10). */
    void refreshedByRelay(Call call, SipServletResponse response, SipServletRequest origin, SipServletResponse answer) {
        if (call.timers == null) {
            return;
        }
        if (response.getRequest().getAttribute(TIMER_OFFER) instanceof TimerOffer sent) {
            call.timerLeg(response.getSession()).ifPresent(leg -> refreshedByAnswer(call, leg, sent, response));
        }
        if (origin.getAttribute(GRANTED) instanceof UasTimerDecision.Accept granted) {
            call.timerLeg(origin.getSession()).ifPresent(leg -> refreshedByRequest(call, leg, granted, answer));
        }
    }

    /** A 2xx to a refresh or a relayed re-INVITE/UPDATE the B2BUA sent on {@code leg}'s dialog. */
    private void refreshedByAnswer(Call call, CallTimers.Leg leg, TimerOffer sent, SipServletResponse answer) {
        SessionTerms terms = uac.answered(sent, answer.getHeader(SESSION_EXPIRES));
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshed(clock.instant(), terms));
        schedule(call);
    }

    /** A refresh the party did not take (491, 500...): tried again before the session expires. */
    private void refreshFailed(Call call, CallTimers.Leg leg) {
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshFailed(clock.instant()));
        schedule(call);
    }

    /**
     * A re-INVITE or UPDATE the B2BUA answered 2xx on {@code leg}'s dialog refreshed it (RFC 4028 §10), on the
     * terms its headers were granted, which the 2xx carries.
     */
    private void refreshedByRequest(Call call, CallTimers.Leg leg, UasTimerDecision.Accept granted,
            SipServletResponse ok) {
        replace(ok, granted.headers());
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshed(clock.instant(), granted.terms()));
        schedule(call);
    }

    /**
     * A dialog that took the place of another by a transfer or a replacement (RFC 3515, RFC 3891) was offered
     * no session timer: its side's timer starts again, the B2BUA refreshing it at the configured interval.
     */
    void rejoined(Call call, CallTimers.Leg leg) {
        if (call.timers == null) {
            return;
        }
        Instant now = clock.instant();
        call.timers = call.timers.with(leg, SessionTimer.start(SessionTerms.refreshedByB2bua(settings.sessionExpires()), now));
        schedule(call);
    }

    /** The outgoing copy of a relayed re-INVITE/UPDATE gets the B2BUA's own refresh terms for that dialog. */
    void relaying(Call call, CallTimers.Leg leg, SipServletRequest relayed) {
        relayed.setAttribute(TIMER_OFFER, offer(relayed, uac.refreshOffer(call.timers.timer(leg).terms())));
    }

    private void schedule(Call call) {
        if (call.sessionTimer != null) {
            call.sessionTimer.cancel();
        }
        long delay = Math.max(0, call.timers.next().delayFrom(clock.instant()).toMillis());
        call.sessionTimer = timers.createTimer(call.callerInvite.getApplicationSession(), delay, false,
                CallTimeout.SESSION);
    }

    private static boolean supportsTimer(SipServletMessage message) {
        List<String> tags = new ArrayList<>();
        message.getHeaders(TimerHeaders.SUPPORTED).forEachRemaining(tags::add);
        message.getHeaders(TimerHeaders.REQUIRE).forEachRemaining(tags::add);
        return TimerHeaders.listsTimer(tags);
    }

    /** Session-Expires and Min-SE are the B2BUA's on each dialog; option tags are added to what is there. */
    private static void replace(SipServletMessage message, List<TimerHeader> headers) {
        for (TimerHeader header : headers) {
            if (SESSION_EXPIRES.equalsIgnoreCase(header.name()) || MIN_SE.equalsIgnoreCase(header.name())) {
                message.setHeader(header.name(), header.value());
            } else {
                message.addHeader(header.name(), header.value());
            }
        }
    }
}
