package org.seed.sip.store.calls;

import java.time.Instant;
import java.util.Objects;

/**
 * How a call ended, completing its record.
 *
 * @param answered      when the callee answered (the 2xx), or null if nobody did
 * @param ended         when the call ended
 * @param forwardedTo   the target a forwarding preference sent the call to, or null
 * @param transferredTo the target a transfer (REFER) sent the call to, or null
 * @param endCause      what ended it: {@code caller-bye}, {@code callee-bye}, the final status that refused
 *                      it ({@code 486}), {@code cancelled}, {@code timeout}, {@code max-duration},
 *                      {@code session-expired}...
 * @param legs          how many legs the call had (forks, forwards and transfers included)
 */
public record CallEnd(Instant answered, Instant ended, String forwardedTo, String transferredTo, String endCause,
        int legs) {

    public CallEnd {
        Objects.requireNonNull(ended, "ended");
        Objects.requireNonNull(endCause, "endCause");
        if (answered != null && answered.isAfter(ended)) {
            throw new IllegalArgumentException("a call cannot be answered after it ended");
        }
        if (legs < 0) {
            throw new IllegalArgumentException("legs must not be negative");
        }
    }
}
