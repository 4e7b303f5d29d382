package org.seed.sip.store.jpa;

import java.util.function.Predicate;

/** Looks through the chain of causes JPA and Hibernate wrap a database's failure in. */
public final class Causes {

    private Causes() {
    }

    /** Whether {@code failure} or any of its causes passes {@code test}. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
