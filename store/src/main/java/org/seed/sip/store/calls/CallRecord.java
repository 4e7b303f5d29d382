package org.seed.sip.store.calls;

import java.time.Duration;
import java.time.Instant;

/**
 * A call detail record as stored: opened when the call started, closed when it ended.
 *
 * @param id            the record's id, given by {@link CallRecordRepository#open}
 * @param node          the node that carried the call
 * @param answered      null if nobody answered
 * @param ended         null while the call is in progress (or its node has not restarted since it stopped)
 * @param duration      from the answer to the end; null if never answered, still open or interrupted
 * @param endCause      null while open; {@value CallRecordRepository#INTERRUPTED} if its node stopped first
 * @param legs          null while open or when interrupted
 */
public record CallRecord(String id, String caller, String callee, String node, Instant started, Instant answered,
        Instant ended, Duration duration, String forwardedTo, String transferredTo, String endCause, Integer legs) {

    /** Whether the call has not ended yet, as far as the store knows. */
    public boolean isOpen() {
        return ended == null;
    }
}
