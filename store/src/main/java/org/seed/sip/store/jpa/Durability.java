package org.seed.sip.store.jpa;

/**
 * What must happen after a commit before its changes survive the process: for most databases nothing (the
 * commit itself is durable), for an embedded H2 database a write of its pages to the file.
 */
@FunctionalInterface
public interface Durability extends AutoCloseable {

    /** For a database whose commit returns only once the transaction is durable. */
    Durability AT_COMMIT = () -> { };

    /**
     * Returns once every transaction this thread committed is durable.
     *
     * @throws org.seed.sip.store.StoreException if that cannot be made so; the transaction stays committed
     *         in the database's memory and is written with the next successful write
     */
    void awaitDurable();

    /** Releases what waiting needs (a connection of its own); called when the store closes. */
    @Override
    default void close() {
    }
}
