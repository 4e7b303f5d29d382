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
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

import org.seed.sip.b2bua.rules.ForkPlan;
import org.seed.sip.b2bua.service.Routing;
import org.seed.sip.b2bua.service.Target;
import org.seed.sip.b2bua.timer.CallTimers;
import org.seed.sip.b2bua.timer.UasTimerDecision;
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
    final String caller;
    final String callee;
    final Instant started;
    /** The contacts still to ring; a forwarding replaces it. */
    ForkPlan<Target> plan;
    final List<Leg> legs = new ArrayList<>();
    /** Contacts tried so far, so that a redirect naming one of them again does not loop. */
    final Set<String> tried = new HashSet<>();
    /** For each session that sent an INVITE without an offer: the peer's 2xx, to be ACKed with its answer. */
    final Map<String, SipServletResponse> awaitingAck = new HashMap<>();
    /** Sessions the platform has an INVITE outstanding towards: a crossing re-INVITE from them is glare. */
    final Set<String> invitesOutstanding = new HashSet<>();
    /** How each dialog of the call is reached, by session id: the caller's, every leg's. */
    private final Map<String, Reach> reaches = new HashMap<>();
    /**
     * The two dialogs whose requests are relayed to each other: the caller and the leg that gave early media,
     * then the caller and the leg that answered; a transfer joins others.
     */
    private SipSession joinedA;
    private SipSession joinedB;
    State state = State.RINGING;
    Leg answered;
    /** The leg whose early media (183 with SDP) the caller was given; the others' bodies are not relayed. */
    Leg earlyMedia;
    /** The best final failure so far (RFC 3261 §16.7), relayed when every leg has failed. */
    SipServletResponse bestFailure;
    /** Whether the call's record (of the same id) has been closed. */
    boolean recordClosed;
    /** Where a forwarding preference, or a transfer, sent the call last. */
    String forwardedTo;
    String transferredTo;
    /** What the callee's preferences want when every phone is busy, or nobody answers in time. */
    Optional<Routing.Forward> onBusy = Optional.empty();
    Optional<Routing.Forward> onNoAnswer = Optional.empty();
    /** The users of ours the call was forwarded through, the callee first (a loop is a forward back into it). */
    List<String> chain = List.of();
    ServletTimer ringTimer;
    ServletTimer forkTimer;
    ServletTimer noAnswerTimer;
    Instant answeredAt;
    /** The session timer the caller's INVITE was granted (RFC 4028 §9), put in its 2xx. */
    UasTimerDecision.Accept callerTimer;
    /** Both dialogs' session timers and the maximum duration, once answered; one container timer for them. */
    CallTimers timers;
    ServletTimer sessionTimer;
    /** The last body the B2BUA sent into each dialog, by session id: the offer a re-INVITE refresh repeats. */
    private final Map<String, SipServletMessage> lastBodySent = new HashMap<>();
    /** The methods each party allows (its Allow headers), by session id: UPDATE for refreshes if it may. */
    private final Map<String, List<String>> allowed = new HashMap<>();
    /** The transfer in progress (RFC 3515), one at a time; null when none. */
    TransferStep transfer;
    /** Dialogs that joined the call from elsewhere: a transferred call's party, a caller that replaced one. */
    private final List<SipSession> adopted = new ArrayList<>();
    /** Sessions that have sent a REFER already: their later REFERs' NOTIFYs need an id (RFC 3515 §2.4.6). */
    final Set<String> referrers = new HashSet<>();

    Call(String id, SipServletRequest callerInvite, Reach callerReach, String caller, String callee, Instant started,
            ForkPlan<Target> plan) {
        this.id = id;
        this.callerInvite = callerInvite;
        this.caller = caller;
        this.callee = callee;
        this.started = started;
        this.plan = plan;
        reaches.put(callerInvite.getSession().getId(), callerReach);
    }

    void addLeg(Leg leg) {
        legs.add(leg);
        reaches.put(leg.session().getId(), leg.target.reach());
    }

    /** A dialog of another origin becomes one of the call's (transfer, RFC 3891 replacement). */
    void adopt(SipSession session, Reach reach) {
        adopted.add(session);
        reaches.put(session.getId(), reach);
    }

    /** Every dialog of the call: the caller's, each leg's, the adopted ones. */
    List<SipSession> dialogs() {
        List<SipSession> dialogs = new ArrayList<>();
        dialogs.add(callerSession());
        legs.forEach(leg -> dialogs.add(leg.session()));
        dialogs.addAll(adopted);
        return dialogs;
    }

    Reach reachOf(SipSession session) {
        Reach reach = reaches.get(session.getId());
        if (reach == null) {
            throw new IllegalStateException("session of no dialog of call " + id);
        }
        return reach;
    }

    /** Notes what {@code message}, about to be sent, tells its dialog: its body; and what its party allows. */
    void sent(SipServletMessage message) {
        if (MessageCopy.hasBody(message)) {
            lastBodySent.put(message.getSession().getId(), message);
        }
    }

    Optional<SipServletMessage> lastBodySentTo(SipSession session) {
        return Optional.ofNullable(lastBodySent.get(session.getId()));
    }

    /** The Allow of a message its party sent (its INVITE, its 2xx). */
    void heardFrom(SipServletMessage message) {
        List<String> allow = new ArrayList<>();
        message.getHeaders("Allow").forEachRemaining(allow::add);
        if (!allow.isEmpty()) {
            allowed.put(message.getSession().getId(), allow);
        }
    }

    List<String> allowOf(SipSession session) {
        return allowed.getOrDefault(session.getId(), List.of());
    }

    /** Which of the call's session timers runs on {@code session}'s dialog, if it is one of the joined two. */
    Optional<CallTimers.Leg> timerLeg(SipSession session) {
        if (joinedA != null && joinedA.getId().equals(session.getId())) {
            return Optional.of(CallTimers.Leg.CALLER);
        }
        if (joinedB != null && joinedB.getId().equals(session.getId())) {
            return Optional.of(CallTimers.Leg.CALLEE);
        }
        return Optional.empty();
    }

    SipSession side(CallTimers.Leg leg) {
        return leg == CallTimers.Leg.CALLER ? joinedA : joinedB;
    }

    List<SipSession> joined() {
        return joinedA == null ? List.of() : List.of(joinedA, joinedB);
    }

    /**
     * {@code joining} takes the place of {@code leaving} among the two joined dialogs, on its side (the caller's
     * or the callee's, whose session timer it takes over): a transfer's or a replacement's new party.
     */
    void rejoin(SipSession leaving, SipSession joining) {
        if (joinedA != null && joinedA.getId().equals(leaving.getId())) {
            joinedA = joining;
        } else if (joinedB != null && joinedB.getId().equals(leaving.getId())) {
            joinedB = joining;
        } else {
            throw new IllegalStateException("session of no joined dialog of call " + id);
        }
    }

    void join(SipSession a, SipSession b) {
        joinedA = a;
        joinedB = b;
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
     * The session a request of {@code session}'s dialog is relayed into: the other of the two joined dialogs
     * (before the answer, the caller's and the early dialog of the leg that gave early media, for an UPDATE,
     * RFC 3311); empty for a dialog not joined, or once the call has ended.
     */
    Optional<SipSession> peerOf(SipSession session) {
        if (joinedA == null || state == State.ENDED) {
            return Optional.empty();
        }
        if (joinedA.getId().equals(session.getId())) {
            return Optional.of(joinedB);
        }
        return joinedB.getId().equals(session.getId()) ? Optional.of(joinedA) : Optional.empty();
    }

    /** The timers of the ringing phase. */
    void cancelTimers() {
        cancel(ringTimer);
        cancel(forkTimer);
        cancel(noAnswerTimer);
        ringTimer = null;
        forkTimer = null;
        noAnswerTimer = null;
    }

    /** Every timer, once the call has ended. */
    void cancelAllTimers() {
        cancelTimers();
        cancel(sessionTimer);
        sessionTimer = null;
    }

    private static void cancel(ServletTimer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
