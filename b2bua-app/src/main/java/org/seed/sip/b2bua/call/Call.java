package org.seed.sip.b2bua.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

import org.seed.sip.b2bua.rules.ForkPlan;
import org.seed.sip.b2bua.service.Target;
import org.seed.sip.common.reach.Reach;

/**
 * One call through the B2BUA: the caller's INVITE and dialog, the legs towards the callee's contacts, the
 * one that answered, and what is still owed to either side (an ACK, a final answer). Kept in the call's
 * application session; every change happens under the call's lock, whichever thread the container uses.
 */
final class Call {

    enum State {
        /** Legs ringing, the caller not answered yet. */
        RINGING,
        /** A leg answered and the caller got its 2xx: two dialogs joined. */
        CONNECTED,
        ENDED
    }

    final String id;
    final SipServletRequest callerInvite;
    final Reach callerReach;
    final String caller;
    final String callee;
    final Instant started;
    final ForkPlan<Target> plan;
    final List<Leg> legs = new ArrayList<>();
    /** Contacts tried so far, so that a redirect naming one of them again does not loop. */
    final Set<String> tried = new HashSet<>();
    /** For each session that sent an INVITE without an offer: the peer's 2xx, to be ACKed with its answer. */
    final Map<String, SipServletResponse> awaitingAck = new HashMap<>();
    /** Sessions the platform has an INVITE outstanding towards: a crossing re-INVITE from them is glare. */
    final Set<String> invitesOutstanding = new HashSet<>();
    State state = State.RINGING;
    Leg answered;
    /** The leg whose early media (183 with SDP) the caller was given; the others' bodies are not relayed. */
    Leg earlyMedia;
    /** The best final failure so far (RFC 3261 §16.7), relayed when every leg has failed. */
    SipServletResponse bestFailure;
    ServletTimer ringTimer;
    ServletTimer forkTimer;
    Instant answeredAt;

    Call(String id, SipServletRequest callerInvite, Reach callerReach, String caller, String callee, Instant started,
            ForkPlan<Target> plan) {
        this.id = id;
        this.callerInvite = callerInvite;
        this.callerReach = callerReach;
        this.caller = caller;
        this.callee = callee;
        this.started = started;
        this.plan = plan;
    }

    SipSession callerSession() {
        return callerInvite.getSession();
    }

    boolean isCaller(SipSession session) {
        return callerSession().getId().equals(session.getId());
    }

    Optional<Leg> leg(SipSession session) {
        return legs.stream().filter(leg -> leg.session().getId().equals(session.getId())).findFirst();
    }

    boolean anyPending() {
        return legs.stream().anyMatch(Leg::pending);
    }

    /**
     * The session a request of {@code session}'s dialog is relayed into: the answered leg for the caller, the
     * caller for the answered leg; before the answer, the leg that gave early media and the caller (an UPDATE
     * in the early dialog, RFC 3311).
     */
    Optional<SipSession> peerOf(SipSession session) {
        Leg joined = answered != null ? answered : earlyMedia;
        if (joined == null || state == State.ENDED) {
            return Optional.empty();
        }
        if (isCaller(session)) {
            return Optional.of(joined.session());
        }
        return joined.session().getId().equals(session.getId()) ? Optional.of(callerSession()) : Optional.empty();
    }

    void cancelTimers() {
        cancel(ringTimer);
        cancel(forkTimer);
        ringTimer = null;
        forkTimer = null;
    }

    private static void cancel(ServletTimer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
