package org.seed.sip.b2bua.rules;

/**
 * The NOTIFYs of the implicit subscription a REFER creates (RFC 3515 §2.4.4-§2.4.6): a {@code message/sipfrag}
 * body with the status line of the referred request, {@code Event: refer} with the REFER's CSeq as id when
 * the dialog has seen a REFER before, active until the final status and then terminated.
 */
public final class ReferNotifications {

    public static final String CONTENT_TYPE = "message/sipfrag;version=2.0";
    /** How long the subscription is announced to last while the referred call is tried (RFC 6665 §4.2.2). */
    static final int ACTIVE_SECONDS = 60;

    private ReferNotifications() {
    }

    /**
     * The Event header of the NOTIFYs for a REFER (RFC 3515 §2.4.6): the id "MUST" be there for the second and
     * later REFERs of a dialog and "MAY" for the first; it is left off the first so that a phone that
     * subscribed to plain {@code refer} finds its subscription whichever way it matches ids.
     */
    public static String event(long referCSeq, boolean firstReferOfDialog) {
        return firstReferOfDialog ? "refer" : "refer;id=" + referCSeq;
    }

    /** The Subscription-State of a NOTIFY carrying {@code status}: active until a final status. */
    public static String subscriptionState(int status) {
        return status < 200 ? "active;expires=" + ACTIVE_SECONDS : "terminated;reason=noresource";
    }

    /** The sipfrag body (RFC 3420): the referred request's status line, nothing else. */
    public static String body(int status, String reason) {
        return "SIP/2.0 " + status + " " + (reason == null || reason.isBlank() ? defaultReason(status) : reason)
                + "\r\n";
    }

    private static String defaultReason(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 486 -> "Busy Here";
            case 488 -> "Not Acceptable Here";
            case 603 -> "Decline";
            default -> status < 300 ? "OK" : "Failed";
        };
    }
}
