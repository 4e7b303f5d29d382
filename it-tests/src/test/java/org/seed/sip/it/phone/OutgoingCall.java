package org.seed.sip.it.phone;

import java.time.Duration;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.RSeqHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A call this phone placed: its INVITE, every response to it in order (the 407 of the platform's challenge,
 * which the call answers once with the phone's credentials, then 100, 18x and the final answer), and the ACK
 * the test sends when it chooses.
 *
 * <pre>
 *   phone                        far side
 *     |--- INVITE ------------------>|
 *     |<-- 407 (answered at once) ---|   (from the platform)
 *     |--- INVITE + credentials ---->|
 *     |<-- 100 / 18x ----------------|   awaitProvisional(180); PRACK sent for a reliable one
 *     |<-- 200 ----------------------|   awaitFinal()
 *     |--- ACK ---------------------->|   ack() / ack(answer)
 * </pre>
 */
public final class OutgoingCall extends Call {

    private final Inbox<Response> responses = new Inbox<>();
    private final Inbox<Response> strays = new Inbox<>();
    private final CompletableFuture<Response> finalAnswer = new CompletableFuture<>();
    private volatile Request invite;
    private volatile ClientTransaction transaction;
    private volatile boolean challengeAnswered;

    OutgoingCall(Softphone phone, Request invite) {
        super(phone);
        start(invite);
    }

    private void start(Request request) {
        invite = request;
        try {
            transaction = phone.sip().provider().getNewClientTransaction(request);
            dialog = phone.sip().provider().getNewDialog(transaction);
            dialog.setApplicationData(this);
            phone.sip().track(transaction, this::responded).whenComplete(this::finished);
            transaction.sendRequest();
        } catch (SipException e) {
            throw new IllegalStateException("cannot send INVITE: " + e.getMessage(), e);
        }
    }

    private void responded(ResponseEvent event) {
        Dialog current = event.getDialog();
        if (current != null) {
            // the dialog the far side's To tag set up; a fork's own tag gives a dialog of its own
            current.setApplicationData(this);
            dialog = current;
        }
        Response response = event.getResponse();
        responses.add(response);
        if (phone.autoPrack() && isReliable(response)) {
            prack(response);
        }
    }

    private void finished(Response answer, Throwable failure) {
        if (failure != null) {
            finalAnswer.completeExceptionally(failure);
            return;
        }
        int status = answer.getStatusCode();
        boolean challenge = status == Response.PROXY_AUTHENTICATION_REQUIRED || status == Response.UNAUTHORIZED;
        if (challenge && !challengeAnswered && phone.password() != null) {
            challengeAnswered = true;
            // RFC 3261 §22.2: the same request again, Call-ID and From tag kept, CSeq one higher, with credentials
            try {
                start(phone.sip().authorizeFirst(phone.sip().nextAttempt(invite), answer, phone.password()));
            } catch (RuntimeException e) {
                finalAnswer.completeExceptionally(e);
            }
            return;
        }
        finalAnswer.complete(answer);
    }

    /** A response that came after its transaction was over: a 2xx retransmitted, or a second 2xx of a fork. */
    void stray(Response response) {
        strays.add(response);
    }

    /** The INVITE last sent (with credentials, after a challenge). */
    public Request invite() {
        return invite;
    }

    /** The next {@code status} provisional response not awaited yet. */
    public Response awaitProvisional(int status) {
        return awaitProvisional(status, TestPhone.ANSWER_TIMEOUT);
    }

    public Response awaitProvisional(int status, Duration timeout) {
        return responses.take(status + " to the INVITE", response -> response.getStatusCode() == status, timeout);
    }

    /** The final answer, after any challenge was answered. */
    public Response awaitFinal() {
        return awaitFinal(TestPhone.ANSWER_TIMEOUT);
    }

    public Response awaitFinal(Duration timeout) {
        return TestPhone.await(Request.INVITE, finalAnswer, timeout);
    }

    /** Every response to the INVITE (challenges included), in arrival order. */
    public List<Response> responses() {
        return responses.all();
    }

    /** The responses that came after their transaction ended (retransmitted or forked 2xx). */
    public List<Response> strayResponses() {
        return strays.all();
    }

    /** ACK of the 2xx without a body. */
    public void ack() {
        ack(null);
    }

    /** ACK of the 2xx, with {@code sdp} as the answer to the offer a 2xx carries when the INVITE had none. */
    public void ack(String sdp) {
        Response answer = awaitFinal();
        if (answer.getStatusCode() / 100 != 2) {
            throw new IllegalStateException("no 2xx to ACK (the stack ACKs a " + answer.getStatusCode() + " itself)");
        }
        ack(answer, sdp);
    }

    /** CANCEL of the INVITE (RFC 3261 §9.1); returns the answer to the CANCEL, the INVITE's 487 follows. */
    public Response cancel() {
        try {
            ClientTransaction cancel = phone.sip().provider().getNewClientTransaction(transaction.createCancel());
            CompletableFuture<Response> answer = phone.sip().track(cancel, response -> { });
            cancel.sendRequest();
            return TestPhone.await(Request.CANCEL, answer, TestPhone.ANSWER_TIMEOUT);
        } catch (SipException e) {
            throw new IllegalStateException("cannot CANCEL: " + e.getMessage(), e);
        }
    }

    /** PRACK (RFC 3262 §7.2) of {@code reliable}, a provisional response with Require: 100rel and RSeq. */
    public CompletableFuture<Response> prack(Response reliable) {
        try {
            return send(dialog, dialog.createPrack(reliable));
        } catch (SipException e) {
            throw new IllegalStateException("cannot PRACK " + reliable.getStatusCode() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isReliable(Response response) {
        int status = response.getStatusCode();
        if (status <= 100 || status >= 200 || response.getHeader(RSeqHeader.NAME) == null) {
            return false;
        }
        ListIterator<?> required = response.getHeaders(RequireHeader.NAME);
        while (required.hasNext()) {
            if ("100rel".equalsIgnoreCase(((RequireHeader) required.next()).getOptionTag())) {
                return true;
            }
        }
        return false;
    }
}
