package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;

import org.seed.sip.common.sip.DomainAdmission;
import org.seed.sip.b2bua.rules.ForkPlan;
import org.seed.sip.b2bua.rules.ReferNotifications;
import org.seed.sip.b2bua.rules.Replacement;
import org.seed.sip.b2bua.rules.ReplacesHeader;
import org.seed.sip.b2bua.service.CallRouter;
import org.seed.sip.b2bua.service.Routing;
import org.seed.sip.b2bua.service.Target;
import org.seed.sip.common.sip.AddressOfRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call transfer: REFER inside a call (RFC 3515, blind; with Replaces in its Refer-To, attended, RFC 3891 §4)
 * and INVITE with Replaces (RFC 3891 §3). The servlet hands over REFERs, INVITEs carrying Replaces, the answers
 * to the transfers' own requests and BYEs of referrers; everything else of a call stays with the
 * {@link CallController}.
 */
public final class Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);
    private static final String REFER_TO = "Refer-To";
    private static final String REFERRED_BY = "Referred-By";

    private final SipFactory factory;
    private final CallRouter router;
    private final DomainAdmission admission;
    private final CallRegistry registry;
    private final boolean outboundCalls;
    private final CallController calls;

    /**
     * @param outboundCalls whether our users may call out of the platform's domains ({@code b2bua.outbound.calls}),
     *                      by transfer as by INVITE
     * @param calls         the controller of the calls, whose session timers a transfer's new dialog joins
     */
    public Transfers(SipFactory factory, CallRouter router, DomainAdmission admission, CallRegistry registry,
            boolean outboundCalls, CallController calls) {
        this.factory = factory;
        this.router = router;
        this.admission = admission;
        this.registry = registry;
        this.outboundCalls = outboundCalls;
        this.calls = calls;
    }

    // ---- REFER ------------------------------------------------------------------------------------------

    /** A REFER inside a call: 202 and a transfer, or refused when it names nothing the platform can call. */
    public void refer(SipServletRequest refer) throws IOException {
        Optional<Call> found = CallController.callOf(refer.getSession());
        if (found.isEmpty()) {
            reject(refer, SipServletResponse.SC_CALL_LEG_DONE, "No Call To Transfer");
            return;
        }
        Call call = found.get();
        synchronized (call) {
            Optional<SipSession> transferee = call.peerOf(refer.getSession());
            if (call.state != Call.State.CONNECTED || transferee.isEmpty()) {
                reject(refer, SipServletResponse.SC_CALL_LEG_DONE, "No Call To Transfer");
                return;
            }
            if (call.transfer != null) {
                reject(refer, SipServletResponse.SC_REQUEST_PENDING, "Transfer In Progress");
                return;
            }
            List<String> referTo = values(refer, REFER_TO);
            if (referTo.size() != 1) {
                // RFC 3515 §2.4.1: exactly one Refer-To
                reject(refer, SipServletResponse.SC_BAD_REQUEST, "One Refer-To Required");
                return;
            }
            SipURI target;
            try {
                URI uri = refer.getAddressHeader(REFER_TO).getURI();
                if (!(uri instanceof SipURI sipUri)) {
                    reject(refer, SipServletResponse.SC_UNSUPPORTED_URI_SCHEME, "Unsupported URI Scheme");
                    return;
                }
                target = sipUri;
            } catch (ServletParseException e) {
                reject(refer, SipServletResponse.SC_BAD_REQUEST, "Malformed Refer-To");
                return;
            }
            String method = target.getParameter("method");
            if (method != null && !"INVITE".equalsIgnoreCase(method)) {
                // RFC 3515 §2.1: the method parameter names what to send; the platform sets up calls only
                reject(refer, SipServletResponse.SC_NOT_IMPLEMENTED, "Only INVITE Referred");
                return;
            }
            String replaces = target.getHeader(ReplacesHeader.NAME);
            if (replaces != null) {
                attended(call, refer, transferee.get(), replaces);
            } else {
                blind(call, refer, transferee.get(), target);
            }
        }
    }

    /** Blind transfer: the platform calls the Refer-To target and joins the transferee to it. */
    private void blind(Call call, SipServletRequest refer, SipSession transferee, SipURI referTo) throws IOException {
        SipURI targetUri = withoutHeaders(referTo);
        Optional<Routing> routing = route(refer.getSession(), targetUri);
        if (routing.isEmpty()) {
            // no open relay by transfer: only our own users may send a call out of the platform's domains
            reject(refer, SipServletResponse.SC_FORBIDDEN, "Transfer Target Not Allowed");
            return;
        }
        Transfer transfer = accept(call, refer, transferee);
        if (routing.get() instanceof Routing.Refuse refuse) {
            transfer.fail(refuse.status(), refuse.reason());
            return;
        }
        // a forwarding served as a redirect sends the transfer where the target's 302 would name
        List<Target> targets = routing.get() instanceof Routing.Redirect redirect
                ? ((Routing.Ring) CallRouter.outbound(redirect.target())).targets()
                : ((Routing.Ring) routing.get()).targets();
        // the best contact of the target: a transfer's 3pcc INVITE cannot fork (one offer, one answer)
        Target target = ForkPlan.of(targets, Target::q).next().orElseThrow().get(0);
        SipServletRequest invite;
        try {
            invite = Legs.create(factory, call.callerInvite, "INVITE", transferee.getRemoteParty(),
                    factory.createAddress(targetUri), target);
        } catch (ServletParseException | IllegalArgumentException e) {
            transfer.fail(SipServletResponse.SC_NOT_FOUND, "Target Cannot Be Called");
            return;
        }
        // RFC 3892 §3: the referee copies Referred-By into the request the REFER asked for
        String referredBy = refer.getHeader(REFERRED_BY);
        if (referredBy != null) {
            invite.setHeader(REFERRED_BY, referredBy);
        }
        invite.setAttribute(TransferStep.ATTRIBUTE, transfer);
        Leg leg = new Leg(invite, target);
        call.addLeg(leg);
        transfer.offerFrom(leg);
        try {
            Legs.send(invite, target.reach());
        } catch (IOException | IllegalStateException e) {
            leg.state = Leg.State.FAILED;
            transfer.fail(SipServletResponse.SC_TEMPORARILY_UNAVAILABLE, "Target Unreachable");
        }
    }

    /**
     * Where a transfer target is called: our user through the location service, a foreign URI only for a
     * referrer who is one of our users (authenticated when it called, or reached at its registration) and only
     * while our users may call out at all; empty when the referrer may not call out.
     */
    private Optional<Routing> route(SipSession referrer, SipURI target) {
        if (admission.serves(target.getHost(), target.getPort())) {
            return Optional.of(target.getUser() == null ? new Routing.Refuse(SipServletResponse.SC_NOT_FOUND, "Not Found")
                    : router.toUser(new AddressOfRecord(target.getUser(), target.getHost()),
                            referrer.getRemoteParty().getURI().toString()));
        }
        URI party = referrer.getRemoteParty().getURI();
        if (outboundCalls && party instanceof SipURI sipParty && admission.serves(sipParty.getHost())) {
            return Optional.of(CallRouter.outbound(target.toString()));
        }
        return Optional.empty();
    }

    /**
     * Attended transfer: the Refer-To's Replaces names the referrer's dialog in another call of the platform;
     * the transferee is joined to that dialog's other party, and both of the referrer's dialogs end.
     */
    private void attended(Call call, SipServletRequest refer, SipSession transferee, String replacesValue)
            throws IOException {
        ReplacesHeader replaces;
        try {
            replaces = ReplacesHeader.parseEscaped(replacesValue);
        } catch (IllegalArgumentException e) {
            reject(refer, SipServletResponse.SC_BAD_REQUEST, "Malformed Replaces");
            return;
        }
        Transfer transfer = accept(call, refer, transferee);
        Optional<CallRegistry.Located> found = registry.findByDialog(replaces.dialog());
        if (found.isEmpty() || found.get().call() == call) {
            // what the target would answer an INVITE with this Replaces (RFC 3891 §3)
            transfer.fail(SipServletResponse.SC_CALL_LEG_DONE, null);
            return;
        }
        Call other = found.get().call();
        SipSession replaced = found.get().session();
        synchronized (other) {
            int refusal = refusal(other, replaced, replaces.earlyOnly());
            if (refusal == 0 && !sameParty(refer.getSession(), replaced)) {
                // RFC 3891 §3: only the party of the dialog may have it replaced
                refusal = SipServletResponse.SC_FORBIDDEN;
            }
            Optional<SipSession> party = other.peerOf(replaced);
            if (refusal != 0 || party.isEmpty()) {
                transfer.fail(refusal != 0 ? refusal : SipServletResponse.SC_CALL_LEG_DONE, null);
                return;
            }
            SipServletRequest reinvite;
            try {
                reinvite = party.get().createRequest("INVITE");
            } catch (IllegalStateException e) {
                transfer.fail(SipServletResponse.SC_REQUEST_PENDING, null);
                return;
            }
            // RFC 3725 flow I: a re-INVITE without SDP asks the other party for a fresh offer
            reinvite.setAttribute(TransferStep.ATTRIBUTE, transfer);
            transfer.offerFrom(other, party.get(), replaced);
            other.invitesOutstanding.add(party.get().getId());
            Legs.send(reinvite, other.reachOf(party.get()));
        }
    }

    /** 202 Accepted (RFC 3515 §2.4.2), the implicit subscription's first NOTIFY with 100 Trying (§2.4.4). */
    private Transfer accept(Call call, SipServletRequest refer, SipSession transferee) throws IOException {
        refer.createResponse(SipServletResponse.SC_ACCEPTED).send();
        boolean first = call.referrers.add(refer.getSession().getId());
        String event = ReferNotifications.event(cseqOf(refer), first);
        Transfer transfer = new Transfer(call, calls, registry, refer.getSession(), transferee, event);
        call.transfer = transfer;
        transfer.notifyReferrer(SipServletResponse.SC_TRYING, "Trying");
        LOG.info("call {}: REFER from {} to {} -> 202", call.id, refer.getFrom().getURI(), refer.getHeader(REFER_TO));
        return transfer;
    }

    // ---- INVITE with Replaces ---------------------------------------------------------------------------

    /**
     * An INVITE with Replaces from an admitted caller (RFC 3891 §3): it takes the place of the party of the
     * named dialog. 400 for several or malformed headers, 481/486/603 as §3 says, 491 while the call is busy
     * with another change.
     */
    public void replace(SipServletRequest invite) throws IOException {
        List<String> headers = values(invite, ReplacesHeader.NAME);
        ReplacesHeader replaces;
        try {
            if (headers.size() != 1) {
                throw new IllegalArgumentException("one Replaces");
            }
            replaces = ReplacesHeader.parse(headers.get(0));
        } catch (IllegalArgumentException e) {
            reject(invite, SipServletResponse.SC_BAD_REQUEST, "Bad Replaces");
            return;
        }
        invite.createResponse(SipServletResponse.SC_TRYING).send();
        Optional<CallRegistry.Located> found = registry.findByDialog(replaces.dialog());
        if (found.isEmpty()) {
            reject(invite, SipServletResponse.SC_CALL_LEG_DONE, "No Such Dialog");
            return;
        }
        Call call = found.get().call();
        SipSession replaced = found.get().session();
        synchronized (call) {
            int refusal = refusal(call, replaced, replaces.earlyOnly());
            Optional<SipSession> other = call.peerOf(replaced);
            if (refusal == 0 && other.isEmpty()) {
                refusal = SipServletResponse.SC_CALL_LEG_DONE;
            }
            if (refusal == 0 && (call.transfer != null || call.invitesOutstanding.contains(other.get().getId()))) {
                refusal = SipServletResponse.SC_REQUEST_PENDING;
            }
            if (refusal != 0) {
                reject(invite, refusal, null);
                return;
            }
            SipServletRequest reinvite;
            try {
                reinvite = other.get().createRequest("INVITE");
            } catch (IllegalStateException e) {
                reject(invite, SipServletResponse.SC_REQUEST_PENDING, null);
                return;
            }
            MessageCopy.copy(invite, reinvite);
            Replacing replacing = new Replacing(call, calls, invite, replaced, other.get());
            reinvite.setAttribute(TransferStep.ATTRIBUTE, replacing);
            call.transfer = replacing;
            // the new caller's ACK and later requests find the call it joins
            invite.getApplicationSession().setAttribute(CallController.CALL,
                    call.callerInvite.getApplicationSession().getAttribute(CallController.CALL));
            call.adopt(invite.getSession(), CallController.callerReach(invite));
            call.heardFrom(invite);
            call.sent(reinvite);
            call.invitesOutstanding.add(other.get().getId());
            Legs.send(reinvite, call.reachOf(other.get()));
        }
    }

    /** RFC 3891 §3's answer for the dialog found, 0 to go on; a dialog of an ended call has terminated. */
    private static int refusal(Call call, SipSession dialog, boolean earlyOnly) {
        Replacement.Found state = call.state == Call.State.ENDED ? Replacement.Found.TERMINATED
                : SessionDialogs.stateOf(dialog);
        return Replacement.refusal(state, earlyOnly);
    }

    // ---- answers and BYE ----------------------------------------------------------------------------------

    /** An answer to a request a transfer sent; false for any other answer, which is the call's. */
    public boolean answered(SipServletResponse response) throws IOException {
        if (response.getRequest().getAttribute(TransferStep.ATTRIBUTE) instanceof TransferStep step) {
            step.answered(response);
            return true;
        }
        return false;
    }

    /**
     * A BYE from a referrer whose transfer is still going on (RFC 5589 §6: a transferor may hang up at once):
     * answered, and the transfer carries on; false for every other BYE.
     */
    public boolean bye(SipServletRequest bye) throws IOException {
        Optional<Call> found = CallController.callOf(bye.getSession());
        if (found.isEmpty()) {
            return false;
        }
        Call call = found.get();
        synchronized (call) {
            if (!(call.transfer instanceof Transfer transfer) || !transfer.isReferrer(bye.getSession())) {
                return false;
            }
            bye.createResponse(SipServletResponse.SC_OK).send();
            transfer.referrerLeft();
            return true;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void reject(SipServletRequest request, int status, String reason) throws IOException {
        (reason == null ? request.createResponse(status) : request.createResponse(status, reason)).send();
        LOG.info("{} from {} -> {}", request.getMethod(), request.getFrom().getURI(), status);
    }

    /** The Refer-To URI as a Request-URI: no headers (RFC 3515 §2.1 applies them to the request) and no method. */
    private static SipURI withoutHeaders(SipURI referTo) {
        SipURI uri = (SipURI) referTo.clone();
        List<String> names = new ArrayList<>();
        uri.getHeaderNames().forEachRemaining(names::add);
        names.forEach(uri::removeHeader);
        uri.removeParameter("method");
        return uri;
    }

    /** Whether two dialogs are with the same user: the remote parties' AORs (user and host) agree. */
    private static boolean sameParty(SipSession a, SipSession b) {
        return aor(a.getRemoteParty()).equals(aor(b.getRemoteParty()));
    }

    private static String aor(Address party) {
        URI uri = party.getURI();
        return uri instanceof SipURI sip ? sip.getUser() + "@" + sip.getHost().toLowerCase(Locale.ROOT) : uri.toString();
    }

    private static long cseqOf(SipServletRequest request) {
        String cseq = request.getHeader("CSeq").trim();
        return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')));
    }

    private static List<String> values(SipServletRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (Iterator<String> headers = request.getHeaders(name); headers.hasNext();) {
            values.add(headers.next());
        }
        return values;
    }
}
