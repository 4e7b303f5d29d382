package org.seed.sip.it.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What arrives at a phone while a test runs (responses, requests, calls), kept in arrival order. A test takes
 * the oldest item it has not taken yet that matches what it waits for, blocking until one arrives or a
 * deadline passes; everything that arrived stays readable for assertions.
 */
final class Inbox<T> {

    private final List<T> arrived = new ArrayList<>();
    private final List<T> untaken = new ArrayList<>();

    synchronized void add(T item) {
        arrived.add(item);
        untaken.add(item);
        notifyAll();
    }

    /**
     * The oldest untaken item that matches, once there is one.
     *
     * @throws AssertionError naming {@code what} and what did arrive, if none matches within {@code timeout}
     */
    synchronized T take(String what, Predicate<? super T> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (T item : untaken) {
                if (matching.test(item)) {
                    untaken.remove(item);
                    return item;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " within " + timeout + "; arrived: " + arrived);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while awaiting " + what, e);
            }
        }
    }

    synchronized List<T> all() {
        return List.copyOf(arrived);
    }
}
