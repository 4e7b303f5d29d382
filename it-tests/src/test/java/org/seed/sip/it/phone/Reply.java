package org.seed.sip.it.phone;

import java.util.List;

/**
 * How a call answers a request the far side sends in its dialog (re-INVITE, UPDATE, INFO, NOTIFY, BYE...).
 *
 * @param status the status to send
 * @param sdp the body of a 2xx; null lets the call choose (the answer to an offer, an offer to a re-INVITE
 *            without one, else nothing)
 * @param deferred true leaves the answer to the test ({@link ReceivedRequest#respond})
 * @param headers extra headers of the answer, as {@code "Name: value"}
 */
public record Reply(int status, String sdp, boolean deferred, List<String> headers) {

    /** 200, with the call's own answer to an offer. */
    public static Reply ok() {
        return new Reply(200, null, false, List.of());
    }

    public static Reply ok(String sdp) {
        return new Reply(200, sdp, false, List.of());
    }

    /** {@code status} (491 for glare, 488, 500...) without a body. */
    public static Reply status(int status) {
        return new Reply(status, null, false, List.of());
    }

    /** No answer until the test gives one. */
    public static Reply later() {
        return new Reply(0, null, true, List.of());
    }

    /** This reply with {@code headers} too, e.g. {@code Reply.ok().with("Session-Expires: 90;refresher=uac")}. */
    public Reply with(String... headers) {
        return new Reply(status, sdp, deferred, List.of(headers));
    }
}
