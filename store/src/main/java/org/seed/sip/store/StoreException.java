package org.seed.sip.store;

/** The store's database cannot be opened, migrated or mapped; the message is meant for the operator. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
