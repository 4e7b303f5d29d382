package org.seed.sip.common.auth;

/**
 * Why an authentication attempt failed, as the {@code reason=} token of the failure log line. Only the
 * log tells these apart: every one of them gets the same challenge on the wire.
 */
public enum FailureReason {

    UNKNOWN_USER("unknown-user"),
    ACCOUNT_DISABLED("account-disabled"),
    BAD_RESPONSE("bad-response"),
    UNSUPPORTED_QOP("unsupported-qop"),
    UNOFFERED_ALGORITHM("unoffered-algorithm"),
    REPLAYED_NONCE_COUNT("replayed-nc"),
    MALFORMED_CREDENTIALS("malformed-credentials");

    private final String token;

    FailureReason(String token) {
        this.token = token;
    }

    /** The stable token operators' log filters match. */
    public String token() {
        return token;
    }
}
