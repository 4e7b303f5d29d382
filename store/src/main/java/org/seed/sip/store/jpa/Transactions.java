package org.seed.sip.store.jpa;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.LockTimeoutException;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs units of work, each in its own entity manager and resource-local transaction.
 * <p>
 * Calls do not nest into one transaction: a unit of work that calls another gets a second, independent
 * transaction. Entities returned from a unit of work are detached.
 */
public final class Transactions {

    private final EntityManagerFactory factory;
    private final Durability durability;
    private final Duration lockTimeout;

    /** {@code lockTimeout}: the longest a unit of work waits for an in-process lock (as for a database lock). */
    public Transactions(EntityManagerFactory factory, Durability durability, Duration lockTimeout) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.durability = Objects.requireNonNull(durability, "durability");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    }

    /**
     * Runs {@code work} and commits; if {@code work} or the commit throws, the transaction is rolled back and
     * the exception propagates. When this returns, the changes are committed and durable.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        T result = run(work, false);
        durability.awaitDurable();
        return result;
    }

    /**
     * As {@link #inTransaction}, holding {@code lock} from before {@code work} until the commit, not while
     * waiting for durability: a later holder reads the committed changes, and its own wait covers them too.
     *
     * @throws LockTimeoutException if the lock is not free within the lock timeout, as for a database lock
     */
    public <T> T inTransaction(Lock lock, Function<EntityManager, T> work) {
        return inTransaction(lock, work, result -> { });
    }

    /**
     * As {@link #inTransaction(Lock, Function)}, running {@code committed} with the result once the commit
     * succeeded, still holding {@code lock}: what it does for one lock's holders happens in commit order.
     */
    public <T> T inTransaction(Lock lock, Function<EntityManager, T> work, Consumer<? super T> committed) {
        T result;
        acquire(lock);
        try {
            result = run(work, false);
            committed.accept(result);
        } finally {
            lock.unlock();
        }
        durability.awaitDurable();
        return result;
    }

    private void acquire(Lock lock) {
        try {
            if (!lock.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LockTimeoutException("lock not free within " + lockTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted waiting for a lock", e);
        }
    }

    /**
     * Runs {@code work}, which only reads: the entities it loads are read-only, nothing is flushed, and there
     * is no durability to wait for.
     */
    public <T> T read(Function<EntityManager, T> work) {
        return run(work, true);
    }

    private <T> T run(Function<EntityManager, T> work, boolean readOnly) {
        EntityManager entityManager = factory.createEntityManager();
        if (readOnly) {
            Session session = entityManager.unwrap(Session.class);
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
        }
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
