package org.seed.sip.it.phone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One call of a {@link Softphone}, seen from its dialog (RFC 3261 §12): the requests this side sends in it
 * (BYE, re-INVITE, UPDATE, INFO, REFER) and those the far side sends, which the call answers as its
 * {@link Reply} for their method says (200 by default, with the SDP answer to an offer).
 */
public abstract class Call {

    /** The in-dialog methods a phone answers 200 unless told otherwise; any other gets 501. */
    private static final Set<String> ANSWERED = Set.of(Request.BYE, Request.INVITE, Request.UPDATE, Request.INFO,
            Request.NOTIFY, Request.PRACK, Request.OPTIONS);

    final Softphone phone;
    final CallMessages messages;
    volatile Dialog dialog;
    private final Inbox<ReceivedRequest> received = new Inbox<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    Call(Softphone phone) {
        this.phone = phone;
        this.messages = phone.messages();
    }

    /** The dialog, once there is one; its state shows whether the call is early, confirmed or over. */
    public Dialog dialog() {
        return dialog;
    }

    public boolean isTerminated() {
        return dialog != null && dialog.getState() == DialogState.TERMINATED;
    }

    /** From now on, answers the far side's {@code method} requests as {@code reply} says. */
    public void replyTo(String method, Reply reply) {
        replies.put(method, reply);
    }

    /** The next {@code method} request of the far side not awaited yet (answered already unless deferred). */
    public ReceivedRequest awaitRequest(String method) {
        return awaitRequest(method, TestPhone.ANSWER_TIMEOUT);
    }

    public ReceivedRequest awaitRequest(String method, Duration timeout) {
        return received.take(method, request -> request.method().equals(method), timeout);
    }

    /** Every request the far side sent in this call, in order. */
    public List<ReceivedRequest> received() {
        return received.all();
    }

    public Response bye() {
        return request(Request.BYE, null, null);
    }

    /** A re-INVITE with {@code sdp} (null: an offerless one, answered in the ACK); ACKs a 2xx. */
    public Response reInvite(String sdp) {
        return TestPhone.await(Request.INVITE, startReInvite(sdp), TestPhone.ANSWER_TIMEOUT);
    }

    /** As {@link #reInvite}, not waiting for the answer: for glare, where both sides re-INVITE at once. */
    public CompletableFuture<Response> startReInvite(String sdp) {
        return send(Request.INVITE, sdp == null ? null : "application/sdp", sdp).thenApply(answer -> {
            if (answer.getStatusCode() / 100 == 2) {
                String offer = CallMessages.body(answer);
                ack(answer, sdp == null && offer != null ? phone.media().answer(offer) : null);
            }
            return answer;
        });
    }

    /** UPDATE (RFC 3311) with {@code sdp} as offer, or none. */
    public Response update(String sdp) {
        return request(Request.UPDATE, sdp == null ? null : "application/sdp", sdp);
    }

    /** INFO (RFC 6086), e.g. {@code info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")}. */
    public Response info(String contentType, String body) {
        return request(Request.INFO, contentType, body);
    }

    /**
     * REFER (RFC 3515) to {@code referTo} (a URI, or a whole Refer-To value with angle brackets, e.g. with an
     * escaped Replaces); the NOTIFYs of its subscription come to {@link #awaitRequest awaitRequest("NOTIFY")}.
     */
    public Response refer(String referTo, String... headers) {
        String value = referTo.startsWith("<") ? referTo : "<" + referTo + ">";
        String[] all = new String[headers.length + 1];
        all[0] = "Refer-To: " + value;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return request(Request.REFER, null, null, all);
    }

    /**
     * This call's dialog as a Replaces value (RFC 3891 §3) for its far side, which compares the to-tag with its
     * own tag and the from-tag with this phone's: for an attended transfer's Refer-To.
     */
    public String replaces() {
        Dialog current = requireDialog();
        return current.getCallId().getCallId() + ";to-tag=" + current.getRemoteTag() + ";from-tag="
                + current.getLocalTag();
    }

    /** A Refer-To value: {@code target} with this call's {@link #replaces()} escaped in it (RFC 3891 §3). */
    public String referToReplacing(String target) {
        return "<" + target + "?Replaces=" + URLEncoder.encode(replaces(), StandardCharsets.UTF_8) + ">";
    }

    /** Any request in the dialog, waiting for its final answer. */
    public Response request(String method, String contentType, String body, String... headers) {
        return TestPhone.await(method, send(method, contentType, body, headers), TestPhone.ANSWER_TIMEOUT);
    }

    /**
     * {@code method} with this dialog's Call-ID, tags and next CSeq, sent as a transaction of its own whatever
     * the dialog's state: how a test asks about a dialog the far side has ended (RFC 3261 §12.2.2: 481).
     */
    public Response staleRequest(String method) {
        Dialog current = requireDialog();
        Request request = phone.sip().request(method, current.getRemoteTarget().getURI().toString(),
                current.getRemoteParty().getURI().toString());
        try {
            ((FromHeader) request.getHeader(FromHeader.NAME)).setTag(current.getLocalTag());
            ((ToHeader) request.getHeader(ToHeader.NAME)).setTag(current.getRemoteTag());
            request.setHeader(phone.sip().headers().createCallIdHeader(current.getCallId().getCallId()));
            request.setHeader(phone.sip().headers().createCSeqHeader(current.getLocalSeqNumber() + 1, method));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return phone.sip().send(request);
    }

    CompletableFuture<Response> send(String method, String contentType, String body, String... headers) {
        Dialog current = requireDialog();
        try {
            Request request = current.createRequest(method);
            messages.addHeaders(request, headers);
            messages.setBody(request, contentType, body);
            return send(current, request);
        } catch (SipException e) {
            throw new IllegalStateException("cannot send " + method + " in " + current.getState() + " dialog: "
                    + e.getMessage(), e);
        }
    }

    CompletableFuture<Response> send(Dialog current, Request request) throws SipException {
        ClientTransaction transaction = phone.sip().provider().getNewClientTransaction(request);
        CompletableFuture<Response> answer = phone.sip().track(transaction, response -> { });
        current.sendRequest(transaction);
        return answer;
    }

    /** ACKs {@code answer}, a 2xx to an INVITE of this dialog, with {@code sdp} or no body (RFC 3261 §13.2.2.4). */
    void ack(Response answer, String sdp) {
        Dialog current = requireDialog();
        try {
            long sequence = ((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = current.createAck(sequence);
            messages.setSdp(ack, sdp);
            current.sendAck(ack);
        } catch (SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot ACK " + answer.getStatusCode() + ": " + e.getMessage(), e);
        }
    }

    private Dialog requireDialog() {
        if (dialog == null) {
            throw new IllegalStateException("no dialog yet");
        }
        return dialog;
    }

    /** A request of the far side in this dialog: answered as {@link #replyTo} says, then kept for the test. */
    void received(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            received.add(new ReceivedRequest(event, null, messages));
            return;
        }
        ReceivedRequest arrived = new ReceivedRequest(event, phone.sip().serverTransaction(event), messages);
        if (isTerminated()) {
            // RFC 3261 §12.2.2: a request for a dialog that is over
            arrived.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
        } else if (Request.CANCEL.equals(request.getMethod())) {
            cancelled(arrived);
        } else {
            Reply reply = replies.getOrDefault(request.getMethod(),
                    ANSWERED.contains(request.getMethod()) ? Reply.ok() : Reply.status(Response.NOT_IMPLEMENTED));
            if (!reply.deferred()) {
                arrived.respond(reply.status(), reply.status() / 100 == 2 ? body(arrived, reply) : null,
                        reply.headers().toArray(String[]::new));
            }
        }
        received.add(arrived);
    }

    /** A CANCEL of this call's INVITE; only a call this phone received can get one. */
    void cancelled(ReceivedRequest cancel) {
        cancel.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
    }

    /** The body of a 2xx: the reply's own, else the answer to an offer, or an offer to an offerless re-INVITE. */
    private String body(ReceivedRequest request, Reply reply) {
        if (reply.sdp() != null) {
            return reply.sdp();
        }
        String offer = request.body();
        boolean sdp = "application/sdp".equalsIgnoreCase(contentType(request));
        if (Request.INVITE.equals(request.method()) || Request.UPDATE.equals(request.method())) {
            if (offer != null && sdp) {
                return phone.media().answer(offer);
            }
            return Request.INVITE.equals(request.method()) ? phone.media().offer() : null;
        }
        return null;
    }

    private static String contentType(ReceivedRequest request) {
        String type = request.header("Content-Type");
        return type == null ? null : type.split(";")[0].trim();
    }
}
