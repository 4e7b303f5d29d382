package org.seed.sip.store.jpa;

import java.sql.SQLException;

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
}
