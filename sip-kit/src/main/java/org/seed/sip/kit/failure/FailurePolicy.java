package org.seed.sip.kit.failure;

import java.util.function.Predicate;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.store.StoreFailures;

/**
 * How every application answers a request it failed to handle: a store failure (database down, lock or
 * statement timeout, no pooled connection within {@code db.timeout}) is temporary, so 503 with
 * Retry-After asks the client to come back, as RFC 3261 §21.5.4 intends; anything else is a bug, 500.
 */
public final class FailurePolicy {

    private final Predicate<Throwable> storeFailure;
    private final int retryAfterSeconds;

    public FailurePolicy(Predicate<Throwable> storeFailure, int retryAfterSeconds) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("sip.unavailable.retry.after must be at least 1, not " + retryAfterSeconds);
        }
        this.storeFailure = storeFailure;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** From {@code sip.unavailable.retry.after}, recognising the store's failures. */
    public static FailurePolicy from(PlatformSettings settings) {
        return new FailurePolicy(StoreFailures::isStoreFailure, settings.integer("sip.unavailable.retry.after"));
    }

    public FailureAnswer answer(Throwable failure) {
        return storeFailure.test(failure) ? FailureAnswer.storeUnavailable(retryAfterSeconds)
                : FailureAnswer.internalError();
    }

    /**
     * What the log says of {@code failure}, on one line: the first line of the database's own words for a
     * store failure (H2 appends the SQL statement on the next lines).
     */
    public String describe(Throwable failure) {
        String text = storeFailure.test(failure) ? StoreFailures.reason(failure) : failure.toString();
        return text.lines().findFirst().orElse("").strip();
    }
}
