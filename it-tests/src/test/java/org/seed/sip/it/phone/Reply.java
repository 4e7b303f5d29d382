package org.seed.sip.it.phone;

/**
 * How a call answers a request the far side sends in its dialog (re-INVITE, UPDATE, INFO, NOTIFY, BYE...).
 *
 * @param status the status to send
 * @param sdp the body of a 2xx; null lets the call choose (the answer to an offer, an offer to a re-INVITE
 *            without one, else nothing)
 * @param deferred true leaves the answer to the test ({@link ReceivedRequest#respond})
 */
public record Reply(int status, String sdp, boolean deferred) {

    /** 200, with the call's own answer to an offer. */
    public static Reply ok() {
        return new Reply(200, null, false);
    }

    public static Reply ok(String sdp) {
        return new Reply(200, sdp, false);
    }

    /** {@code status} (491 for glare, 488, 500...) without a body. */
    public static Reply status(int status) {
        return new Reply(status, null, false);
    }

    /** No answer until the test gives one. */
    public static Reply later() {
        return new Reply(0, null, true);
    }
}
