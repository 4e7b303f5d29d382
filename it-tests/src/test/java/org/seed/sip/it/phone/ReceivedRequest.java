package org.seed.sip.it.phone;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** A request the far side sent in a call's dialog, and the answer the phone gave it. */
public final class ReceivedRequest {

    private final Request request;
    private final ServerTransaction transaction;
    private final CallMessages messages;
    private volatile Response response;

    ReceivedRequest(RequestEvent event, ServerTransaction transaction, CallMessages messages) {
        this.request = event.getRequest();
        this.transaction = transaction;
        this.messages = messages;
    }

    public Request request() {
        return request;
    }

    public String method() {
        return request.getMethod();
    }

    /** The body as text, or null. */
    public String body() {
        return CallMessages.body(request);
    }

    /** The value of the first {@code name} header, or null. */
    public String header(String name) {
        return CallMessages.header(request, name);
    }

    /** The answer sent, or null while none is (an ACK never gets one). */
    public Response response() {
        return response;
    }

    /** Answers with {@code status} and {@code sdp} (or no body), for a {@link Reply#later()} request. */
    public void respond(int status, String sdp, String... headers) {
        if (transaction == null) {
            throw new IllegalStateException(method() + " is not answered");
        }
        Response answer = messages.response(request, status, null, sdp, headers);
        try {
            transaction.sendResponse(answer);
        } catch (SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot answer " + method() + " with " + status + ": " + e.getMessage(), e);
        }
        response = answer;
    }

    @Override
    public String toString() {
        return method() + (response == null ? "" : " answered " + response.getStatusCode());
    }
}
