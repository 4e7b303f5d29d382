package org.seed.sip.store.jpa;

import java.util.Objects;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Runs units of work, each in its own entity manager and resource-local transaction.
 * <p>
 * Calls do not nest into one transaction: a unit of work that calls another gets a second, independent
 * transaction. Entities returned from a unit of work are detached.
 */
public final class Transactions {

    private final EntityManagerFactory factory;

    public Transactions(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Runs {@code work} and commits; if {@code work} or the commit throws, the transaction is rolled back and
     * the exception propagates. When this returns, the changes are committed.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(transaction, e);
            throw e;
        } finally {
            entityManager.close();
        }
    }

    private static void rollbackQuietly(EntityTransaction transaction, Throwable cause) {
        if (!transaction.isActive()) {
            return;
        }
        try {
            transaction.rollback();
        } catch (RuntimeException rollbackFailure) {
            // the original failure is the one the caller needs; keep this one attached to it
            cause.addSuppressed(rollbackFailure);
        }
    }
}
