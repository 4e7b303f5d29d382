package org.seed.sip.b2bua.call;

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

    private final TimerSettings settings;
    private final UasTimerRules uas;
    private final UacTimerRules uac;
    private final TimerService timers;
    private final Clock clock;

    CallSessionTimers(TimerSettings settings, TimerService timers, Clock clock) {
        this.settings = settings;
        this.uas = new UasTimerRules(settings);
        this.uac = new UacTimerRules(settings);
        this.timers = timers;
        this.clock = clock;
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

    /** When the call's timer fires: the action due, or empty when a refresh moved it (scheduled again). */
    Optional<TimerAction> fired(Call call) {
        if (call.timers == null) {
            return Optional.empty();
        }
        Optional<TimerAction> due = call.timers.due(clock.instant());
        if (due.isEmpty()) {
            schedule(call);
        }
        return due;
    }

    /** How to refresh the dialog of {@code party}: UPDATE if it allows it (RFC 4028 §7.4), else re-INVITE. */
    static RefreshMethod refreshMethod(Call call, SipSession party) {
        return RefreshMethod.forPeer(call.allowOf(party));
    }

    /** Puts the refresh headers into a refresh the B2BUA sends on {@code leg}'s dialog, and marks it sent. */
    TimerOffer refreshing(Call call, CallTimers.Leg leg, SipServletRequest refresh) {
        TimerOffer offer = offer(refresh, uac.refreshOffer(call.timers.timer(leg).terms()));
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshSent());
        schedule(call);
        return offer;
    }

    /** A 2xx to a refresh or a relayed re-INVITE/UPDATE the B2BUA sent on {@code leg}'s dialog. */
    void refreshedByAnswer(Call call, CallTimers.Leg leg, TimerOffer sent, SipServletResponse answer) {
        SessionTerms terms = uac.answered(sent, answer.getHeader(SESSION_EXPIRES));
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshed(clock.instant(), terms));
        schedule(call);
    }

    /** A refresh the party did not take (491, 500...): tried again before the session expires. */
    void refreshFailed(Call call, CallTimers.Leg leg) {
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshFailed(clock.instant()));
        schedule(call);
    }

    /**
     * A re-INVITE or UPDATE the B2BUA answered 2xx on {@code leg}'s dialog refreshed it (RFC 4028 §10), on the
     * terms its headers were granted, which the 2xx carries.
     */
    void refreshedByRequest(Call call, CallTimers.Leg leg, UasTimerDecision.Accept granted, SipServletResponse ok) {
        replace(ok, granted.headers());
        call.timers = call.timers.with(leg, call.timers.timer(leg).refreshed(clock.instant(), granted.terms()));
        schedule(call);
    }

    /** The outgoing copy of a relayed re-INVITE/UPDATE gets the B2BUA's own refresh terms for that dialog. */
    TimerOffer relaying(Call call, CallTimers.Leg leg, SipServletRequest relayed) {
        return offer(relayed, uac.refreshOffer(call.timers.timer(leg).terms()));
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
