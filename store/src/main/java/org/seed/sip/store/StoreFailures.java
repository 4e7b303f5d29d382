package org.seed.sip.store;

import java.sql.SQLException;
import javax.persistence.PersistenceException;
import org.seed.sip.store.jpa.Causes;

/**
 * Tells the store's failures (database down, lock or statement timeout, no connection free within
 * {@code db.timeout}) from other errors, so that every application answers them the same way.
 */
public final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * Whether {@code failure} came from the database or the way to it: a {@link StoreException}, anything JPA
     * or Hibernate reports (Hibernate's exceptions are {@link PersistenceException}s), or a JDBC
     * {@link SQLException} (HikariCP's "connection is not available" is one), at any depth of its causes.
     */
    public static boolean isStoreFailure(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof StoreException || cause instanceof PersistenceException
                || cause instanceof SQLException);
    }

    /**
     * The most telling message in a failure's causes: the innermost SQLException's (the driver's own words,
     * such as "Connection to 127.0.0.1:5432 refused" or "Wrong user name or password"), else the root's.
     */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        SQLException innermostSql = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            root = cause;
            if (cause instanceof SQLException sql) {
                innermostSql = sql;
            }
        }
        Throwable telling = innermostSql != null ? innermostSql : root;
        String message = telling.getMessage();
        return message == null || message.isBlank() ? telling.getClass().getSimpleName() : message;
    }
}
