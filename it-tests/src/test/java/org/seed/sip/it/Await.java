package org.seed.sip.it;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waiting in tests: polls a condition until it holds or a deadline passes, then fails with what was
 * awaited. The one place tests wait for something that happens asynchronously (a purge, an expiry, a
 * NOTIFY, a log line), instead of hand-written loops around {@code Thread.sleep}.
 */
public final class Await {

    private static final Duration DEFAULT_POLL = Duration.ofMillis(100);

    /** A condition that may need I/O to check (a database query, a SIP request, a file read). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** A value that may need I/O to read. */
    @FunctionalInterface
    public interface Probe<T> {
        T read() throws Exception;
    }

    private Await() {
    }

    /**
     * Returns as soon as {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} if it does not hold within {@code deadline}
     */
    public static void until(String what, Duration deadline, Check condition) {
        value(what, deadline, DEFAULT_POLL, condition::holds, Boolean::booleanValue);
    }

    /** The first value of {@code probe} that is {@code done}, read every 100 ms. */
    public static <T> T value(String what, Duration deadline, Probe<T> probe, Predicate<? super T> done) {
        return value(what, deadline, DEFAULT_POLL, probe, done);
    }

    /**
     * The first value of {@code probe} that is {@code done}, read every {@code every}: the first read is
     * immediate, so a probe with side effects (a request each time) runs once per interval.
     *
     * @throws AssertionError naming {@code what} and the last value read if none is done within {@code deadline}
     */
    public static <T> T value(String what, Duration deadline, Duration every, Probe<T> probe,
            Predicate<? super T> done) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T value = read(what, probe);
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not " + what + " within " + deadline + "; last: " + value);
            }
            pause(every);
        }
    }

    private static <T> T read(String what, Probe<T> probe) {
        try {
            return probe.read();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("while awaiting " + what + ": " + e, e);
        }
    }

    private static void pause(Duration every) {
        try {
            Thread.sleep(every.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
