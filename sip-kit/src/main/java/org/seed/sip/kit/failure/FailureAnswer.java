package org.seed.sip.kit.failure;

import java.util.OptionalInt;

/**
 * What a request whose handling failed is answered: always a fixed reason phrase, never the failure's text,
 * which is for the log only.
 *
 * @param status       503 when the store failed, 500 for anything else
 * @param reason       the RFC 3261 §21 reason phrase
 * @param retryAfter   seconds for the Retry-After header (RFC 3261 §20.33), with a 503 only
 * @param storeFailure whether the store failed (an operational problem) rather than the code (a bug)
 */
public record FailureAnswer(int status, String reason, OptionalInt retryAfter, boolean storeFailure) {

    /** RFC 3261 §21.5.4: temporarily unable to process the request; Retry-After says when to try again. */
    static FailureAnswer storeUnavailable(int retryAfterSeconds) {
        return new FailureAnswer(503, "Service Unavailable", OptionalInt.of(retryAfterSeconds), true);
    }

    /** RFC 3261 §21.5.1: an unexpected condition; nothing more is said to the client. */
    static FailureAnswer internalError() {
        return new FailureAnswer(500, "Server Internal Error", OptionalInt.empty(), false);
    }
}
