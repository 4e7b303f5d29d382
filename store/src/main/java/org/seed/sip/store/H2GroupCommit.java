package org.seed.sip.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.seed.sip.store.jpa.Durability;

/**
 * Group commit for an embedded H2 database: one write of its pages to the file covers every transaction
 * committed before the write began.
 * <p>
 * H2 writes a commit to its file at once only with {@code WRITE_DELAY=0}, and then each commit writes the
 * changed pages of every table and index it touched, which under load is most of the cost of a
 * registration. Here commits stay in H2's memory, and a thread that needs its transaction durable waits
 * for a {@code CHECKPOINT} that starts after its commit: the first waiter runs it, the others that arrive
 * meanwhile wait for the next one, which then covers them all. A checkpoint writes to the file as
 * {@code WRITE_DELAY=0} does (into the operating system's cache, not forced to the disk): a process that
 * dies keeps every transaction it was told is durable.
 */
final class H2GroupCommit implements Durability {

    private final DataSource database;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition checkpointEnded = lock.newCondition();
    /** Checkpoints begun, ended successfully, and the last that failed (0: none), numbered from 1. */
    private long begun;
    private long succeeded;
    private long failed;
    private RuntimeException lastFailure;
    private boolean running;

    H2GroupCommit(DataSource database) {
        this.database = database;
    }

    @Override
    public void awaitDurable() {
        lock.lock();
        try {
            // a checkpoint running now may have begun before this thread's commit: only the next one counts
            long needed = begun + 1;
            while (succeeded < needed) {
                if (failed >= needed) {
                    throw new StoreException("the store could not write committed changes to its file: "
                            + lastFailure.getMessage(), lastFailure);
                }
                if (running) {
                    checkpointEnded.awaitUninterruptibly();
                } else {
                    runCheckpoint(++begun);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs checkpoint number {@code number} without holding the lock, so that later commits can queue. */
    private void runCheckpoint(long number) {
        running = true;
        RuntimeException failure = null;
        lock.unlock();
        try {
            checkpoint();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            running = false;
            if (failure == null) {
                succeeded = number;
            } else {
                failed = number;
                lastFailure = failure;
            }
            checkpointEnded.signalAll();
        }
    }

    @Override
    public void close() {
        if (database instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new StoreException("cannot close the checkpoint connection: " + e.getMessage(), e);
            }
        }
    }

    private void checkpoint() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StoreException("CHECKPOINT failed: " + e.getMessage(), e);
        }
    }
}
