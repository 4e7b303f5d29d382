package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.servlet.sip.Address;
import javax.servlet.sip.Rel100Exception;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.TimerService;

import org.seed.sip.b2bua.rules.FinalResponses;
import org.seed.sip.b2bua.rules.ForkPlan;
import org.seed.sip.b2bua.service.B2buaSettings;
import org.seed.sip.b2bua.service.CallRouter;
import org.seed.sip.b2bua.service.Routing;
import org.seed.sip.b2bua.service.Target;
import org.seed.sip.b2bua.timer.TimerOffer;
import org.seed.sip.b2bua.timer.UasTimerDecision;
import org.seed.sip.common.reach.Origin;
import org.seed.sip.store.preferences.ForwardMode;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.reach.Reachability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calls: the legs of an admitted INVITE (parallel and serial forking by q, redirects followed), the
 * relay of provisional and final answers to the caller, ACKs owed on either side, CANCEL and BYE, and every
 * other request of the two joined dialogs relayed across. Each leg is a dialog of the B2BUA's own, made with
 * {@link SipFactory}, not with the container's B2buaHelper, whose linked and derived sessions are torn down
 * together and whose ACK handling is broken in this container version (docs/design-notes.md, "Calls").
 */
public final class CallController {

    private static final Logger LOG = LoggerFactory.getLogger(CallController.class);
    static final String CALL = CallController.class.getName() + ".call";
    /** On a request the B2BUA relays: the request of the other dialog it answers. */
    private static final String RELAYED_FROM = CallController.class.getName() + ".relayedFrom";
    private static final long SECOND = 1000L;

    private final SipFactory factory;
    private final TimerService timers;
    private final B2buaSettings settings;
    private final Clock clock;
    private final CallRegistry registry;
    private final CallJournal journal;
    private final CallRouter router;
    private final CallSessionTimers sessionTimers;

    public CallController(SipFactory factory, TimerService timers, B2buaSettings settings, Clock clock,
            CallRegistry registry, CallJournal journal, CallRouter router) {
        this.factory = factory;
        this.timers = timers;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
        this.journal = journal;
        this.router = router;
        this.sessionTimers = new CallSessionTimers(settings.timers(), timers, clock, this::hangUp);
    }

    /**
     * Starts the call of an admitted INVITE: 100 Trying at once, then the callee's contacts by the fork plan.
     *
     * @param caller the caller's address-of-record as text, for records and logs
     * @param callee the callee's
     */
    public void start(SipServletRequest invite, Routing.Ring ring, String caller, String callee) throws IOException {
        UasTimerDecision timer = sessionTimers.received(invite);
        if (timer instanceof UasTimerDecision.Reject reject) {
            answer(invite, reject);
            return;
        }
        invite.createResponse(SipServletResponse.SC_TRYING).send();
        SipApplicationSession application = invite.getApplicationSession();
        Instant started = clock.instant();
        Call call = new Call(journal.open(caller, callee, started), invite, callerReach(invite), caller, callee, started,
                ForkPlan.of(ring.targets(), Target::q));
        call.callerTimer = (UasTimerDecision.Accept) timer;
        call.heardFrom(invite);
        application.setAttribute(CALL, new CallHandle(call, this));
        registry.register(call);
        synchronized (call) {
            ring(call, ring);
        }
    }

    /**
     * Rings what a routing names: the caller told 181 when it is a forwarding (RFC 3261 §21.1.3), the ring
     * time and the callee's no-answer time counted from now.
     */
    private void ring(Call call, Routing.Ring ring) throws IOException {
        call.plan = ForkPlan.of(ring.targets(), Target::q);
        call.chain = ring.chain();
        call.onBusy = ring.onBusy();
        call.onNoAnswer = ring.onNoAnswer();
        call.bestFailure = null;
        if (ring.forwardedTo() != null) {
            call.forwardedTo = ring.forwardedTo();
            call.callerInvite.createResponse(181, "Call Is Being Forwarded").send();
        }
        call.cancelTimers();
        SipApplicationSession application = call.callerInvite.getApplicationSession();
        call.ringTimer = ringTimer(call, CallTimeout.RING);
        if (call.onNoAnswer.isPresent()) {
            call.noAnswerTimer = timers.createTimer(application, call.onNoAnswer.get().afterSeconds() * SECOND, false,
                    CallTimeout.NO_ANSWER);
        }
        ringNext(call);
    }

    /**
     * The callee's forward-on-busy or forward-on-no-answer applies: the call goes on to its target (a new
     * leg, or a 302 when the callee wants redirects), which may forward again, up to the limit.
     */
    private void forward(Call call, Routing.Forward forward) throws IOException {
        cancelPending(call, null);
        Routing routing = forward.mode() == ForwardMode.REDIRECT ? new Routing.Redirect(forward.target())
                : router.forward(forward.target(), call.caller, call.chain);
        if (routing instanceof Routing.Ring next) {
            LOG.debug("call {}: forwarded to {}", call.id, forward.target());
            ring(call, next);
            return;
        }
        SipServletResponse toCaller;
        if (routing instanceof Routing.Redirect redirect) {
            call.forwardedTo = redirect.target();
            toCaller = call.callerInvite.createResponse(SipServletResponse.SC_MOVED_TEMPORARILY);
            toCaller.setHeader("Contact", "<" + redirect.target() + ">");
        } else {
            Routing.Refuse refuse = (Routing.Refuse) routing;
            toCaller = call.callerInvite.createResponse(refuse.status(), refuse.reason());
        }
        end(call, Integer.toString(toCaller.getStatus()));
        toCaller.send();
        LOG.info("call {} {} -> {}: forwarding to {} -> {}", call.id, call.caller, call.callee, forward.target(),
                toCaller.getStatus());
    }

    /** {@code party} joined the call by a transfer or a replacement: its dialog's session timer starts afresh. */
    void rejoined(Call call, SipSession party) {
        call.timerLeg(party).ifPresent(leg -> sessionTimers.rejoined(call, leg));
    }

    /** A timer of {@code call} due after {@code b2bua.ring.timeout}, as long as a callee may ring. */
    ServletTimer ringTimer(Call call, CallTimeout timeout) {
        return timers.createTimer(call.callerInvite.getApplicationSession(), settings.ringSeconds() * SECOND, false,
                timeout);
    }

    /**
     * The call's application session is gone: the call leaves the live calls; its record, if nothing ended
     * it before (the container expired the session), is closed now.
     */
    void forget(Call call) {
        registry.unregister(call);
        journal.ended(call, "expired");
    }

    /** The call is over: no timer of it fires any more, and its record is closed with {@code cause}. */
    void end(Call call, String cause) {
        call.state = Call.State.ENDED;
        call.cancelAllTimers();
        journal.ended(call, cause);
    }

    /** The call a message belongs to, or empty for a session that carries none (ended, or not ours). */
    static Optional<Call> callOf(SipSession session) {
        SipApplicationSession application = session.getApplicationSession();
        Object handle = application.isValid() ? application.getAttribute(CALL) : null;
        return handle instanceof CallHandle callHandle ? Optional.of(callHandle.call()) : Optional.empty();
    }

    // ---- the legs ------------------------------------------------------------------------------------

    /** Rings the next group of equal q; when none is left and no leg is pending, the caller gets the outcome. */
    private void ringNext(Call call) throws IOException {
        while (call.state == Call.State.RINGING) {
            Optional<List<Target>> group = call.plan.next();
            if (group.isEmpty()) {
                if (!call.anyPending()) {
                    fail(call);
                }
                return;
            }
            int started = 0;
            for (Target target : group.get()) {
                if (startLeg(call, target)) {
                    started++;
                }
            }
            if (started > 0) {
                if (call.plan.hasMore()) {
                    call.forkTimer = timers.createTimer(call.callerInvite.getApplicationSession(),
                            settings.serialForkSeconds() * SECOND, false, CallTimeout.NEXT_FORK);
                }
                return;
            }
        }
    }

    /** Sends the INVITE of one leg; false when the contact is refused or cannot be reached. */
    private boolean startLeg(Call call, Target target) throws IOException {
        if (!call.tried.add(target.uri()) || call.tried.size() > settings.maxTargets()) {
            LOG.debug("call {}: {} not tried (tried already, or {} contacts tried)", call.id, target.uri(),
                    settings.maxTargets());
            return false;
        }
        return sendLeg(call, target, null);
    }

    /** The INVITE of a leg, with the session timer it asks for (the B2BUA's own, or a 422's). */
    private boolean sendLeg(Call call, Target target, TimerOffer timerOffer) throws IOException {
        SipServletRequest invite;
        try {
            invite = Legs.create(factory, call.callerInvite, "INVITE", target);
        } catch (ServletParseException | IllegalArgumentException e) {
            LOG.info("call {}: contact {} cannot be called: {}", call.id, target.uri(), e.getMessage());
            return false;
        }
        Leg leg = new Leg(invite, target);
        leg.timerOffer = timerOffer == null ? sessionTimers.offer(invite) : sessionTimers.offer(invite, timerOffer);
        call.addLeg(leg);
        call.sent(invite);
        try {
            Legs.send(invite, target.reach());
            return true;
        } catch (IOException | IllegalStateException e) {
            LOG.info("call {}: contact {} unreachable: {}", call.id, target.uri(), e.toString());
            leg.state = Leg.State.FAILED;
            return false;
        }
    }

    /**
     * A leg is cancelled once: a no-answer forward cancels the phone that rang, and the target's answer
     * coming next must not cancel it again (JAIN-SIP refuses a second CANCEL, and the answer was lost).
     */
    private void cancel(Leg leg) throws IOException {
        if (leg.abandoned) {
            return;
        }
        leg.abandoned = true;
        if (leg.state == Leg.State.PROCEEDING) {
            leg.invite.createCancel().send();
        } else if (leg.state == Leg.State.CALLING) {
            leg.cancelWhenProceeding = true;
        }
    }

    private void cancelPending(Call call, Leg except) throws IOException {
        for (Leg leg : call.legs) {
            if (leg != except && leg.pending()) {
                cancel(leg);
            }
        }
    }

    // ---- answers of the legs ---------------------------------------------------------------------------

    /** An answer to a request the B2BUA sent: a leg's INVITE, or a request it relayed. */
    public void answered(SipServletResponse response) throws IOException {
        Optional<Call> found = callOf(response.getSession());
        if (found.isEmpty()) {
            return;
        }
        Call call = found.get();
        synchronized (call) {
            Object relayedFrom = response.getRequest().getAttribute(RELAYED_FROM);
            if (relayedFrom instanceof SipServletRequest origin) {
                relayAnswer(call, response, origin);
                return;
            }
            if (CallSessionTimers.answersRefresh(response)) {
                sessionTimers.refreshAnswered(call, response);
                return;
            }
            Optional<Leg> leg = call.leg(response.getSession());
            if (leg.isEmpty() || !"INVITE".equals(response.getMethod()) || leg.get().state == Leg.State.ANSWERED) {
                // answers to BYE and CANCEL, and 2xx retransmissions, need nothing more
                return;
            }
            int status = response.getStatus();
            if (status == SipServletResponse.SC_TRYING) {
                return;
            }
            if (status < 200) {
                proceeding(call, leg.get(), response);
            } else if (status < 300) {
                legAnswered(call, leg.get(), response);
            } else {
                legFailed(call, leg.get(), response);
            }
        }
    }

    private void proceeding(Call call, Leg leg, SipServletResponse response) throws IOException {
        leg.state = Leg.State.PROCEEDING;
        boolean reliable = response.getHeader("RSeq") != null && MessageCopy.supports(response, "100rel");
        if (reliable) {
            // RFC 3262 §4: the UAC acknowledges each reliable provisional answer, whoever hears it
            try {
                response.createPrack().send();
            } catch (Rel100Exception e) {
                LOG.debug("call {}: {} not acknowledged: {}", call.id, response.getStatus(), e.getMessage());
            }
        }
        if (leg.cancelWhenProceeding) {
            leg.cancelWhenProceeding = false;
            leg.invite.createCancel().send();
            return;
        }
        if (call.state != Call.State.RINGING || leg.abandoned) {
            return;
        }
        SipServletResponse toCaller = toCaller(call, response);
        if (MessageCopy.hasBody(response)) {
            if (call.earlyMedia != null && call.earlyMedia != leg) {
                // one early media stream for the caller: the first leg's
                toCaller.setContent(null, null);
            } else {
                call.earlyMedia = leg;
                call.join(call.callerSession(), leg.session());
            }
        }
        // recorded as it goes: a stripped 183 must not stand for the last offer the caller was sent
        call.sent(toCaller);
        if (reliable && MessageCopy.hasBody(toCaller) && MessageCopy.supports(call.callerInvite, "100rel")) {
            try {
                toCaller.sendReliably();
                return;
            } catch (Rel100Exception | IllegalStateException e) {
                // a reliable answer still unacknowledged (RFC 3262 §3): this one goes unreliably
                LOG.debug("call {}: {} relayed unreliably: {}", call.id, response.getStatus(), e.getMessage());
            }
        }
        toCaller.send();
    }

    private void legAnswered(Call call, Leg leg, SipServletResponse response) throws IOException {
        if (call.state != Call.State.RINGING) {
            // RFC 3261 §16.7 step 5 for a B2BUA: a second 2xx of a forked call is accepted and hung up at once
            leg.state = Leg.State.ANSWERED;
            acknowledge(response, null, leg.target.reach());
            Legs.send(response.getSession().createRequest("BYE"), leg.target.reach());
            LOG.debug("call {}: late 2xx from {} hung up", call.id, leg.target.uri());
            return;
        }
        leg.state = Leg.State.ANSWERED;
        call.answered = leg;
        call.join(call.callerSession(), leg.session());
        call.state = Call.State.CONNECTED;
        call.answeredAt = clock.instant();
        call.cancelTimers();
        cancelPending(call, leg);
        SipServletResponse toCaller = toCaller(call, response);
        call.sent(toCaller);
        call.heardFrom(response);
        sessionTimers.answered(call, leg, response, toCaller);
        if (MessageCopy.hasBody(leg.invite)) {
            acknowledge(response, null, leg.target.reach());
        } else {
            // late offer (RFC 3261 §13.2.1): the offer is in this 2xx, the answer comes in the caller's ACK
            call.awaitingAck.put(call.callerSession().getId(), response);
        }
        toCaller.send();
        LOG.info("call {} {} -> {}: answered by {}", call.id, call.caller, call.callee, leg.target.uri());
    }

    private void legFailed(Call call, Leg leg, SipServletResponse response) throws IOException {
        leg.state = Leg.State.FAILED;
        if (call.state != Call.State.RINGING || leg.abandoned) {
            if (call.state == Call.State.RINGING && !call.anyPending()) {
                ringNext(call);
            }
            return;
        }
        int status = response.getStatus();
        if (status == 422) {
            Optional<TimerOffer> longer = leg.timerOffer == null ? Optional.empty()
                    : sessionTimers.after422(leg.timerOffer, response);
            if (longer.isPresent() && sendLeg(call, leg.target, longer.get())) {
                return;
            }
        }
        if (status < 400 && settings.followRedirects()) {
            List<Target> contacts = redirectTargets(response);
            if (!contacts.isEmpty()) {
                call.plan.prepend(contacts, Target::q);
            }
        } else if (FinalResponses.better(status, call.bestFailure == null ? 0 : call.bestFailure.getStatus())) {
            call.bestFailure = response;
        }
        if (FinalResponses.global(status)) {
            cancelPending(call, null);
            fail(call);
            return;
        }
        if (!call.anyPending()) {
            ringNext(call);
        }
    }

    /** The Contacts of a 3xx as targets, reached as the container resolves them (RFC 3261 §8.1.3.4). */
    private static List<Target> redirectTargets(SipServletResponse redirect) throws IOException {
        List<Target> targets = new ArrayList<>();
        try {
            for (var contacts = redirect.getAddressHeaders("Contact"); contacts.hasNext();) {
                Address contact = contacts.next();
                float q = contact.getQ() < 0 ? 1.0f : contact.getQ();
                String uri = contact.getURI().toString();
                targets.add(new Target(uri, q, new Reach(uri, null, null, List.of(), Reach.Kind.CONTACT)));
            }
        } catch (ServletParseException e) {
            LOG.debug("unusable Contact in a {}: {}", redirect.getStatus(), e.getMessage());
        }
        return targets;
    }

    /** Every leg failed: the caller gets the best failure (RFC 3261 §16.7 step 6), or 480 when none came. */
    private void fail(Call call) throws IOException {
        SipServletResponse best = call.bestFailure;
        if (best != null && best.getStatus() == SipServletResponse.SC_BUSY_HERE && call.onBusy.isPresent()) {
            forward(call, call.onBusy.get());
            return;
        }
        int status = best == null ? SipServletResponse.SC_TEMPORARILY_UNAVAILABLE : FinalResponses.relayed(best.getStatus());
        end(call, Integer.toString(status));
        SipServletResponse toCaller = best != null && status == best.getStatus()
                ? call.callerInvite.createResponse(status, best.getReasonPhrase())
                : call.callerInvite.createResponse(status);
        if (best != null && status >= 300 && status < 400) {
            for (var contacts = best.getHeaders("Contact"); contacts.hasNext();) {
                toCaller.addHeader("Contact", contacts.next());
            }
        }
        toCaller.send();
        LOG.info("call {} {} -> {}: {}", call.id, call.caller, call.callee, status);
    }

    // ---- requests of the caller and of the joined leg ---------------------------------------------------

    /** The caller's CANCEL: the container has answered it and sent 487 already (JSR 289 §11.2.3). */
    public void cancelled(SipServletRequest cancel) throws IOException {
        Optional<Call> found = callOf(cancel.getSession());
        if (found.isEmpty()) {
            return;
        }
        Call call = found.get();
        synchronized (call) {
            if (call.state != Call.State.RINGING) {
                return;
            }
            end(call, "cancelled");
            cancelPending(call, null);
            LOG.info("call {} {} -> {}: cancelled by the caller", call.id, call.caller, call.callee);
        }
    }

    /** An ACK: to the caller's 2xx, or to one the B2BUA relayed; carries the answer of a late offer. */
    public void acknowledged(SipServletRequest ack) throws IOException {
        Optional<Call> found = callOf(ack.getSession());
        if (found.isEmpty()) {
            return;
        }
        Call call = found.get();
        synchronized (call) {
            SipServletResponse owed = call.awaitingAck.remove(ack.getSession().getId());
            if (owed != null) {
                call.sent(acknowledge(owed, ack, call.reachOf(owed.getSession())));
            }
        }
    }

    /** BYE from either side: answered, and the other side's dialog ended with a BYE of its own. */
    public void bye(SipServletRequest bye) throws IOException {
        Optional<Call> found = callOf(bye.getSession());
        if (found.isEmpty()) {
            bye.createResponse(SipServletResponse.SC_CALL_LEG_DONE).send();
            return;
        }
        Call call = found.get();
        synchronized (call) {
            Optional<SipSession> peer = call.peerOf(bye.getSession());
            bye.createResponse(SipServletResponse.SC_OK).send();
            if (peer.isPresent() && call.state == Call.State.CONNECTED) {
                String side = call.isCaller(bye.getSession()) ? "caller" : "callee";
                end(call, side + "-bye");
                Legs.send(peer.get().createRequest("BYE"), call.reachOf(peer.get()));
                LOG.info("call {} {} -> {}: ended by the {}", call.id, call.caller, call.callee, side);
            }
        }
    }

    /** A reliable provisional answer the B2BUA sent the caller was acknowledged (RFC 3262 §3). */
    public void prack(SipServletRequest prack) throws IOException {
        prack.createResponse(SipServletResponse.SC_OK).send();
    }

    /**
     * A request inside one of the call's dialogs (re-INVITE, UPDATE, INFO, MESSAGE, OPTIONS...): sent on in
     * the other dialog, its answer relayed back. 481 when the call has no other dialog (RFC 3261 §12.2.2);
     * 491 for a re-INVITE crossing one the B2BUA sent the same phone (RFC 3261 §14.2, glare).
     */
    public void relay(SipServletRequest request) throws IOException {
        Optional<Call> found = callOf(request.getSession());
        Optional<SipSession> peer = found.flatMap(call -> call.peerOf(request.getSession()));
        if (peer.isEmpty()) {
            request.createResponse(SipServletResponse.SC_CALL_LEG_DONE).send();
            return;
        }
        Call call = found.get();
        synchronized (call) {
            boolean invite = "INVITE".equals(request.getMethod());
            if (invite && call.invitesOutstanding.contains(request.getSession().getId())) {
                request.createResponse(SipServletResponse.SC_REQUEST_PENDING).send();
                return;
            }
            // RFC 4028 §9: a re-INVITE or UPDATE between the joined dialogs refreshes both session timers
            boolean timed = refreshes(request) && call.timers != null && call.timerLeg(request.getSession()).isPresent();
            if (timed) {
                UasTimerDecision granted = sessionTimers.received(request);
                if (granted instanceof UasTimerDecision.Reject reject) {
                    answer(request, reject);
                    return;
                }
                sessionTimers.granted(request, (UasTimerDecision.Accept) granted);
            }
            SipServletRequest relayed;
            try {
                relayed = peer.get().createRequest(request.getMethod());
            } catch (IllegalStateException e) {
                // the container refuses a request in the other dialog now (an INVITE of its own still pending)
                request.createResponse(invite ? SipServletResponse.SC_REQUEST_PENDING
                        : SipServletResponse.SC_SERVER_INTERNAL_ERROR).send();
                return;
            }
            MessageCopy.copy(request, relayed);
            if (timed) {
                sessionTimers.relaying(call, call.timerLeg(peer.get()).orElseThrow(), relayed);
            }
            call.sent(relayed);
            relayed.setAttribute(RELAYED_FROM, request);
            if (invite) {
                call.invitesOutstanding.add(peer.get().getId());
            }
            Legs.send(relayed, call.reachOf(peer.get()));
        }
    }

    private void relayAnswer(Call call, SipServletResponse response, SipServletRequest origin) throws IOException {
        int status = response.getStatus();
        if (status < 200 || origin.isCommitted()) {
            // provisional answers of an in-dialog request say nothing the other phone needs
            return;
        }
        boolean invite = "INVITE".equals(response.getMethod());
        if (invite) {
            call.invitesOutstanding.remove(response.getSession().getId());
        }
        SipServletResponse answer = origin.createResponse(status, response.getReasonPhrase());
        MessageCopy.copy(response, answer);
        call.sent(answer);
        if (status < 300) {
            sessionTimers.refreshedByRelay(call, response, origin, answer);
        }
        if (invite && status < 300) {
            if (MessageCopy.hasBody(response.getRequest())) {
                acknowledge(response, null, call.reachOf(response.getSession()));
            } else {
                call.awaitingAck.put(origin.getSession().getId(), response);
            }
        }
        answer.send();
    }

    // ---- timers -----------------------------------------------------------------------------------------

    void timeout(Call call, CallTimeout timeout) throws IOException {
        synchronized (call) {
            if (timeout == CallTimeout.TRANSFER) {
                if (call.transfer instanceof Transfer transfer) {
                    transfer.targetTimedOut();
                }
                return;
            }
            if (timeout == CallTimeout.SESSION) {
                if (call.state == Call.State.CONNECTED) {
                    sessionTimers.fired(call);
                }
                return;
            }
            if (call.state != Call.State.RINGING) {
                return;
            }
            switch (timeout) {
                case RING -> {
                    cancelPending(call, null);
                    call.bestFailure = null;
                    end(call, "timeout");
                    call.callerInvite.createResponse(SipServletResponse.SC_TEMPORARILY_UNAVAILABLE, "No Answer").send();
                    LOG.info("call {} {} -> {}: no answer in {} s", call.id, call.caller, call.callee,
                            settings.ringSeconds());
                }
                case NO_ANSWER -> {
                    call.noAnswerTimer = null;
                    forward(call, call.onNoAnswer.orElseThrow());
                }
                case NEXT_FORK -> {
                    call.forkTimer = null;
                    cancelPending(call, null);
                    ringNext(call);
                }
                default -> throw new IllegalStateException("not a ringing call's timer: " + timeout);
            }
        }
    }

    /**
     * The operator ends a call (the console): a ringing call is cancelled on every leg and its caller told
     * 480; a connected one gets BYE on both sides.
     *
     * @return false if the call had ended meanwhile
     */
    boolean hangUpByOperator(Call call) throws IOException {
        synchronized (call) {
            switch (call.state) {
                case RINGING -> {
                    end(call, "operator");
                    cancelPending(call, null);
                    call.callerInvite.createResponse(SipServletResponse.SC_TEMPORARILY_UNAVAILABLE, "Ended By Operator")
                            .send();
                }
                case CONNECTED -> hangUp(call, "operator");
                case ENDED -> {
                    return false;
                }
            }
            LOG.info("call {} {} -> {}: hung up by the operator", call.id, call.caller, call.callee);
            return true;
        }
    }

    // ---- session timers and the maximum duration ------------------------------------------------------

    /** Ends a connected call on both dialogs: the B2BUA sends BYE to each party. */
    void hangUp(Call call, String cause) throws IOException {
        if (call.state != Call.State.CONNECTED) {
            return;
        }
        end(call, cause);
        for (SipSession party : call.joined()) {
            try {
                Legs.send(party.createRequest("BYE"), call.reachOf(party));
            } catch (IllegalStateException e) {
                LOG.debug("call {}: dialog already ended: {}", call.id, e.getMessage());
            }
        }
        LOG.info("call {} {} -> {}: ended ({})", call.id, call.caller, call.callee, cause);
    }

    private static boolean refreshes(SipServletRequest request) {
        return "INVITE".equals(request.getMethod()) || "UPDATE".equals(request.getMethod());
    }

    private static void answer(SipServletRequest request, UasTimerDecision.Reject reject) throws IOException {
        SipServletResponse response = request.createResponse(reject.status(), reject.reason());
        reject.headers().forEach(header -> response.setHeader(header.name(), header.value()));
        response.send();
    }

    // ---- sending ----------------------------------------------------------------------------------------

    /** A leg's answer as the caller's: its status, reason, body and end-to-end headers. */
    private static SipServletResponse toCaller(Call call, SipServletResponse legAnswer) throws IOException {
        SipServletResponse answer = call.callerInvite.createResponse(legAnswer.getStatus(), legAnswer.getReasonPhrase());
        MessageCopy.copy(legAnswer, answer);
        return answer;
    }

    static SipServletRequest acknowledge(SipServletResponse answer, SipServletMessage withBodyOf, Reach reach)
            throws IOException {
        SipServletRequest ack = answer.createAck();
        if (withBodyOf != null) {
            MessageCopy.copyBody(withBodyOf, ack);
        }
        Legs.send(ack, reach);
        return ack;
    }


    /** Where the caller's dialog is reached: its Contact, over the connection or NAT binding it called from. */
    static Reach callerReach(SipServletRequest invite) {
        List<String> recordRoutes = new ArrayList<>();
        invite.getHeaders("Record-Route").forEachRemaining(recordRoutes::add);
        String target;
        try {
            Address contact = invite.getAddressHeader("Contact");
            target = contact == null ? invite.getFrom().getURI().toString() : contact.getURI().toString();
        } catch (ServletParseException e) {
            // the container parsed it to accept the INVITE; a Contact it cannot give back leaves the source
            target = invite.getFrom().getURI().toString();
        }
        return Reachability.ofDialog(target, recordRoutes, new Origin(invite.getInitialRemoteAddr(),
                invite.getInitialRemotePort(), invite.getInitialTransport()));
    }
}
