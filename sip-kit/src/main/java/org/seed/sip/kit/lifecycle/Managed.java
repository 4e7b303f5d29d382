package org.seed.sip.kit.lifecycle;

/**
 * A part of an application that runs between the application's start and its stop: a timer, a thread, the
 * application's use of what the platform shares. Its {@link Lifecycle} starts it after the parts it was
 * built from and stops it before them.
 */
public interface Managed {

    /**
     * Starts it. A part whose threads start on first use has nothing to do here and only stops.
     *
     * @throws RuntimeException if it cannot run; the application then stops what had started and fails
     */
    default void start() {
    }

    /** Stops it and lets go of what it holds; called once, and only after {@link #start()} returned. */
    void stop();
}
