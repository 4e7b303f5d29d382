package org.seed.sip.store.jpa;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.persistence.PersistenceException;

/** Recognises a unique-constraint violation in whatever exception JPA wrapped it in. */
public final class UniqueViolation {

    /** SQLSTATE 23505, "unique violation": the same on H2 and PostgreSQL (SQL:2011 class 23). */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean isCauseOf(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof SQLException sql
                && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    /**
     * Runs {@code work}, and once more if it failed on a unique violation: for an insert-or-update whose
     * insert raced another node's (or thread's) insert of the same key, which exists by the second run.
     */
    public static <T> T retriedOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            if (!isCauseOf(e)) {
                throw e;
            }
            return work.get();
        }
    }
}
