package org.seed.sip.b2bua.call;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;

import org.seed.sip.b2bua.rules.ReferNotifications;
import org.seed.sip.common.reach.Reach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REFER being carried out (RFC 3515): the referrer's party in the call (the transferee) is joined to a
 * party that offers a session, by third-party call control (RFC 3725 §4.1, flow I) so that the platform stays
 * in both dialogs. The offerer is a new leg to the Refer-To target, INVITEd without SDP (blind transfer), or
 * the other party of the dialog a Replaces names, re-INVITEd without SDP (attended transfer, RFC 3891):
 *
 * <pre>
 *  transferee          platform             offerer
 *      |                  |   INVITE, no SDP   |
 *      |                  |-------------------&gt;|
 *      |                  |   200 (offer)      |
 *      |  re-INVITE offer |&lt;-------------------|
 *      |&lt;-----------------|                    |
 *      |  200 (answer)    |                    |
 *      |-----------------&gt;|  ACK (answer)      |
 *      |&lt;-- ACK ----------|-------------------&gt;|
 * </pre>
 *
 * The referrer hears "100 Trying" at once and the outcome at the end, in NOTIFYs of its own dialog; on success
 * that dialog (and, in an attended transfer, the replaced one) ends with BYE; on failure the call stays as it
 * was, so that the referrer can take its party back off hold.
 */
final class Transfer implements TransferStep {

    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);

    private enum Step {
        /** The offerer's INVITE sent, its 2xx awaited. */
        OFFER,
        /** The transferee re-INVITEd with the offer, its answer awaited. */
        ANSWER,
        DONE
    }

    private final Call call;
    private final CallController calls;
    private final CallRegistry registry;
    private final SipSession referrer;
    private final SipSession transferee;
    private final String event;
    private Step step = Step.OFFER;
    private SipSession offerer;
    private Reach offererReach;
    /** The offerer's dialog is new (blind transfer): on failure it is hung up. */
    private Leg newLeg;
    /** Attended transfer: the other call, whose offerer joins this call, and the referrer's dialog in it. */
    private Call merged;
    private SipSession replaced;
    private SipServletResponse offer;
    /** The referrer hung up while the transfer went on (RFC 5589 §6 lets it): nobody to notify or to go back to. */
    private boolean referrerGone;
    /** The transfer succeeded: the referrer's dialog ends once the final NOTIFY is answered. */
    private boolean referrerToHangUp;
    /** Cancels the target's INVITE after {@code b2bua.ring.timeout}; null once it has a final answer. */
    private ServletTimer ringTimer;
    /** The target's INVITE was cancelled for that: its 487 is told as "no answer". */
    private boolean timedOut;
    /** A NOTIFY sent and not answered yet: the next one waits for its answer. */
    private boolean notifying;
    /** The final NOTIFY, held while the "100 Trying" one is unanswered. */
    private int heldStatus;
    private String heldReason;

    Transfer(Call call, CallController calls, CallRegistry registry, SipSession referrer, SipSession transferee,
            String event) {
        this.call = call;
        this.calls = calls;
        this.registry = registry;
        this.referrer = referrer;
        this.transferee = transferee;
        this.event = event;
    }

    boolean isReferrer(SipSession session) {
        return referrer.getId().equals(session.getId());
    }

    /** Blind transfer: the offer comes from {@code leg}, a new INVITE without SDP to the Refer-To target. */
    void offerFrom(Leg leg) {
        newLeg = leg;
        offerer = leg.session();
        offererReach = leg.target.reach();
        ringTimer = calls.ringTimer(call, CallTimeout.TRANSFER);
    }

    /** The target rang for {@code b2bua.ring.timeout}: its INVITE is cancelled (RFC 3261 §9.1: once it rings). */
    void targetTimedOut() throws IOException {
        ringTimer = null;
        if (step == Step.OFFER && newLeg != null && newLeg.pending()) {
            timedOut = true;
            if (newLeg.state == Leg.State.PROCEEDING) {
                newLeg.invite.createCancel().send();
            } else {
                newLeg.cancelWhenProceeding = true;
            }
        }
    }

    /** Attended transfer: the offer comes from {@code party}, the other party of {@code replacedDialog} in {@code other}. */
    void offerFrom(Call other, SipSession party, SipSession replacedDialog) {
        merged = other;
        offerer = party;
        offererReach = other.reachOf(party);
        replaced = replacedDialog;
    }

    /** The platform's lock order is this call, then the merged one (the REFER's thread takes them so too). */
    @Override
    public void answered(SipServletResponse response) throws IOException {
        synchronized (call) {
            Call other = merged == null ? call : merged;
            synchronized (other) {
                if (response.getStatus() < 200) {
                    provisional(response);
                    return;
                }
                if ("NOTIFY".equals(response.getMethod())) {
                    notified();
                    return;
                }
                if (!"INVITE".equals(response.getMethod()) || step == Step.DONE) {
                    return;
                }
                String session = response.getSession().getId();
                if (step == Step.OFFER && session.equals(offerer.getId())) {
                    offered(response);
                } else if (step == Step.ANSWER && session.equals(transferee.getId())) {
                    transfereeAnswered(response);
                }
            }
        }
    }

    /** The target rings: its INVITE may be cancelled from now on (RFC 3261 §9.1). */
    private void provisional(SipServletResponse response) throws IOException {
        if (newLeg == null || response.getStatus() == SipServletResponse.SC_TRYING
                || !response.getSession().getId().equals(offerer.getId()) || !newLeg.pending()) {
            return;
        }
        newLeg.state = Leg.State.PROCEEDING;
        if (newLeg.cancelWhenProceeding) {
            newLeg.cancelWhenProceeding = false;
            newLeg.invite.createCancel().send();
        }
    }

    private void offered(SipServletResponse response) throws IOException {
        if (merged != null) {
            merged.invitesOutstanding.remove(offerer.getId());
        }
        if (ringTimer != null) {
            ringTimer.cancel();
            ringTimer = null;
        }
        int status = response.getStatus();
        if (status >= 300) {
            if (newLeg != null) {
                newLeg.state = Leg.State.FAILED;
            }
            if (timedOut && status == SipServletResponse.SC_REQUEST_TERMINATED) {
                fail(SipServletResponse.SC_TEMPORARILY_UNAVAILABLE, "No Answer");
            } else {
                fail(status, response.getReasonPhrase());
            }
            return;
        }
        if (newLeg != null) {
            newLeg.state = Leg.State.ANSWERED;
        }
        offer = response;
        call.heardFrom(response);
        if (call.state != Call.State.CONNECTED) {
            // the transferee hung up meanwhile
            dropOffer();
            fail(SipServletResponse.SC_REQUEST_TERMINATED, "Transferee Gone");
            return;
        }
        if (!MessageCopy.hasBody(response)) {
            // RFC 3725 flow I: the 2xx to an INVITE without SDP must carry the offer
            dropOffer();
            fail(SipServletResponse.SC_NOT_ACCEPTABLE_HERE, "No Offer From Target");
            return;
        }
        SipServletRequest reinvite;
        try {
            reinvite = transferee.createRequest("INVITE");
        } catch (IllegalStateException e) {
            // an INVITE of the transferee's dialog still pending (RFC 3261 §14.1)
            dropOffer();
            fail(SipServletResponse.SC_REQUEST_PENDING, "Request Pending");
            return;
        }
        MessageCopy.copyBody(response, reinvite);
        reinvite.setAttribute(ATTRIBUTE, this);
        call.invitesOutstanding.add(transferee.getId());
        call.sent(reinvite);
        step = Step.ANSWER;
        Legs.send(reinvite, call.reachOf(transferee));
    }

    private void transfereeAnswered(SipServletResponse response) throws IOException {
        call.invitesOutstanding.remove(transferee.getId());
        int status = response.getStatus();
        if (status >= 300) {
            // the transferee cannot take the target's session: its own stays as it was (RFC 3261 §14.1)
            dropOffer();
            fail(status, response.getReasonPhrase());
            return;
        }
        CallController.acknowledge(response, null, call.reachOf(transferee));
        call.sent(CallController.acknowledge(offer, response, offererReach));
        joined();
    }

    private void joined() throws IOException {
        step = Step.DONE;
        call.transfer = null;
        if (merged != null) {
            adoptMerged();
        }
        call.rejoin(referrer, offerer);
        calls.rejoined(call, offerer);
        call.transferredTo = offerer.getRemoteParty().getURI().toString();
        if (!referrerGone) {
            referrerToHangUp = true;
            notifyReferrer(offer.getStatus(), offer.getReasonPhrase());
        }
        LOG.info("call {}: {} transferred to {}", call.id, transferee.getRemoteParty().getURI(),
                offerer.getRemoteParty().getURI());
    }

    /**
     * The other call's party and its ended dialog become this call's: their application session now names
     * this call, the other call ends without touching them (RFC 3891 §3: the replaced dialog gets BYE).
     */
    private void adoptMerged() throws IOException {
        call.adopt(offerer, offererReach);
        call.adopt(replaced, merged.reachOf(replaced));
        calls.end(merged, "transferred");
        registry.unregister(merged);
        Object handle = call.callerInvite.getApplicationSession().getAttribute(CallController.CALL);
        merged.callerInvite.getApplicationSession().setAttribute(CallController.CALL, handle);
        Legs.send(replaced.createRequest("BYE"), call.reachOf(replaced));
    }

    /**
     * A NOTIFY was answered (or failed): the held final one goes now, or, after the final one, the referrer's
     * dialog ends. Sent at once, either could overtake the NOTIFY before it over UDP (RFC 6665 §4.2.2 keeps a
     * subscription's NOTIFYs one at a time), and the referrer would see the outcome before the progress, or,
     * its dialog over, never.
     */
    private void notified() throws IOException {
        notifying = false;
        if (heldStatus != 0) {
            int status = heldStatus;
            heldStatus = 0;
            notifyReferrer(status, heldReason);
            return;
        }
        if (referrerToHangUp) {
            referrerToHangUp = false;
            try {
                Legs.send(referrer.createRequest("BYE"), call.reachOf(referrer));
            } catch (IllegalStateException e) {
                LOG.debug("call {}: the referrer ended its dialog itself", call.id);
            }
        }
    }

    /** The offerer's 2xx is acknowledged (RFC 3261 §13.2.2.4, with no answer to give); a new leg is hung up. */
    private void dropOffer() throws IOException {
        CallController.acknowledge(offer, null, offererReach);
        if (newLeg != null) {
            Legs.send(offerer.createRequest("BYE"), offererReach);
        }
    }

    /** The transfer failed: the referrer is told; if it has hung up already, the transferee has no call left. */
    void fail(int status, String reason) throws IOException {
        step = Step.DONE;
        call.transfer = null;
        LOG.info("call {}: transfer of {} failed: {}", call.id, transferee.getRemoteParty().getURI(), status);
        if (!referrerGone) {
            notifyReferrer(status, reason);
        } else if (call.state == Call.State.CONNECTED) {
            calls.end(call, "transfer-failed");
            Legs.send(transferee.createRequest("BYE"), call.reachOf(transferee));
        }
    }

    /** The referrer sent BYE before the outcome: the transfer goes on without it. */
    void referrerLeft() {
        referrerGone = true;
    }

    /** A NOTIFY of the REFER's implicit subscription (RFC 3515 §2.4.4) with the referred request's status. */
    void notifyReferrer(int status, String reason) throws IOException {
        if (notifying) {
            heldStatus = status;
            heldReason = reason;
            return;
        }
        SipServletRequest notify;
        try {
            notify = referrer.createRequest("NOTIFY");
        } catch (IllegalStateException e) {
            LOG.debug("call {}: referrer's dialog gone, no NOTIFY of {}", call.id, status);
            return;
        }
        notify.setHeader("Event", event);
        notify.setHeader("Subscription-State", ReferNotifications.subscriptionState(status));
        notify.setContent(ReferNotifications.body(status, reason).getBytes(StandardCharsets.UTF_8),
                ReferNotifications.CONTENT_TYPE);
        notify.setAttribute(ATTRIBUTE, this);
        notifying = true;
        Legs.send(notify, call.reachOf(referrer));
    }
}
