package org.seed.sip.it.phone;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A call that reached this phone: the INVITE, and the answers the test gives it, each sent as it is called.
 * A CANCEL is answered 200 and the INVITE 487 at once (RFC 3261 §9.2), whatever the test is doing.
 *
 * <pre>
 *   far side                      phone
 *     |--- INVITE ------------------>|   awaitCall()
 *     |<-- 180 / 183 (reliable) -----|   ring() / progress(sdp, true)
 *     |--- PRACK ------------------->|   awaitPrack() (answered 200)
 *     |<-- 200 / 4xx-6xx / 3xx ------|   answer(sdp) / reject(486) / redirect(302, contacts)
 *     |--- ACK ---------------------->|   awaitAck()
 * </pre>
 */
public final class IncomingCall extends Call {

    private final Request invite;
    private final ServerTransaction transaction;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private volatile Response lastSent;

    IncomingCall(Softphone phone, RequestEvent event) {
        super(phone);
        invite = event.getRequest();
        transaction = phone.sip().serverTransaction(event);
        try {
            dialog = phone.sip().provider().getNewDialog(transaction);
        } catch (SipException e) {
            throw new IllegalStateException("cannot take the INVITE's dialog: " + e.getMessage(), e);
        }
        dialog.setApplicationData(this);
    }

    public Request invite() {
        return invite;
    }

    /** The INVITE's body (its offer), or null for a late-offer INVITE. */
    public String sdp() {
        return CallMessages.body(invite);
    }

    /** The value of the INVITE's first {@code name} header, or null. */
    public String header(String name) {
        return CallMessages.header(invite, name);
    }

    /** The last response this phone sent to the INVITE, or null. */
    public Response lastResponse() {
        return lastSent;
    }

    /** 180 Ringing. */
    public void ring() {
        respond(Response.RINGING, null);
    }

    /** 183 Session Progress with {@code sdp} (early media), reliable or not: see {@link #provisional}. */
    public void progress(String sdp, boolean reliable) {
        provisional(Response.SESSION_PROGRESS, sdp, reliable);
    }

    /**
     * A provisional response (180, 181, 182, 183) with {@code sdp} or none; {@code reliable} sends it with
     * Require: 100rel and RSeq (RFC 3262 §3), which the caller must PRACK: see {@link #awaitPrack()}.
     */
    public void provisional(int status, String sdp, boolean reliable) {
        if (!reliable) {
            respond(status, sdp);
            return;
        }
        try {
            Response response = dialog.createReliableProvisionalResponse(status);
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(tag);
            response.setHeader(messages.contact());
            messages.setSdp(response, sdp);
            dialog.sendReliableProvisionalResponse(response);
            lastSent = response;
        } catch (SipException | InvalidArgumentException | java.text.ParseException e) {
            throw new IllegalStateException("cannot send a reliable " + status + ": " + e.getMessage(), e);
        }
    }

    /** 200 OK with {@code sdp}: the answer to the INVITE's offer, or the offer when it had none. */
    public void answer(String sdp) {
        respond(Response.OK, sdp);
    }

    /** A final refusal: 486 Busy Here, 603 Decline, 404, 480... */
    public void reject(int status, String... headers) {
        respond(status, null, headers);
    }

    /** A 3xx with one Contact per {@code contacts} entry, each a Contact value such as {@code <sip:b@h>;q=0.5}. */
    public void redirect(int status, String... contacts) {
        respond(status, null, Arrays.stream(contacts).map(contact -> ContactHeader.NAME + ": " + contact)
                .toArray(String[]::new));
    }

    /** Any response to the INVITE. */
    public void respond(int status, String sdp, String... headers) {
        Response response = messages.response(invite, status, tag, sdp, headers);
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot answer the INVITE with " + status + ": " + e.getMessage(), e);
        }
        lastSent = response;
    }

    /** The ACK of this phone's 2xx (its body is the answer to a late offer). */
    public ReceivedRequest awaitAck() {
        return awaitRequest(Request.ACK);
    }

    public ReceivedRequest awaitAck(Duration timeout) {
        return awaitRequest(Request.ACK, timeout);
    }

    /** The PRACK of a reliable provisional response, answered 200. */
    public ReceivedRequest awaitPrack() {
        return awaitRequest(Request.PRACK);
    }

    /** The CANCEL of the INVITE, which the phone answered 200, and the INVITE 487. */
    public ReceivedRequest awaitCancel() {
        return awaitRequest(Request.CANCEL);
    }

    public ReceivedRequest awaitCancel(Duration timeout) {
        return awaitRequest(Request.CANCEL, timeout);
    }

    @Override
    void cancelled(ReceivedRequest cancel) {
        cancel.respond(Response.OK, null);
        // RFC 3261 §9.2: the INVITE, if not answered finally yet, gets 487
        if (lastSent == null || lastSent.getStatusCode() < 200) {
            respond(Response.REQUEST_TERMINATED, null);
        }
    }
}
