package org.seed.sip.store.calls;

import java.time.Instant;
import org.seed.sip.common.sip.AddressOfRecord;

/**
 * Which call records to list, newest first.
 *
 * @param user  only calls this AOR made or received; null: every call
 * @param from  only calls started at or after this instant; null: no lower bound
 * @param to    only calls started before this instant; null: no upper bound
 * @param limit the most records returned, 1 to {@value #MAX_LIMIT}
 */
public record CallRecordQuery(AddressOfRecord user, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public CallRecordQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} records of every call. */
    public static CallRecordQuery newest() {
        return new CallRecordQuery(null, null, null, DEFAULT_LIMIT);
    }
}
