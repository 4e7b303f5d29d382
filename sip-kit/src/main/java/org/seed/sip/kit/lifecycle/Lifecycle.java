package org.seed.sip.kit.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of one application, started in the order they were added and stopped in reverse, like
 * Jetty's {@code ContainerLifeCycle}: a part is added after the parts it was built from, so it never runs
 * without them. When a start fails, the parts started before it are stopped again and the failure is
 * thrown: the application does not run half-started. Thread-safe.
 */
public final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private enum State { NEW, STARTED, STOPPED }

    private record Part(String name, Managed component) {
    }

    private final String application;
    private final List<Part> parts = new ArrayList<>();
    private final Deque<Part> started = new ArrayDeque<>();
    private State state = State.NEW;

    public Lifecycle(String application) {
        this.application = application;
    }

    /**
     * Adds {@code component} after the parts added so far. Added to a started lifecycle (a part built on
     * first use), it is started at once.
     *
     * @throws LifecycleException if it is added to a started lifecycle and does not start
     * @throws IllegalStateException once the lifecycle has stopped
     */
    public synchronized void add(String name, Managed component) {
        if (state == State.STOPPED) {
            throw new IllegalStateException(application + " has stopped: cannot add " + name);
        }
        Part part = new Part(name, component);
        parts.add(part);
        if (state == State.STARTED) {
            startPart(part);
        }
    }

    /**
     * Starts every part in order.
     *
     * @throws LifecycleException naming the part that failed, after stopping those started before it
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException(application + " was started already");
        }
        for (Part part : parts) {
            try {
                startPart(part);
            } catch (LifecycleException e) {
                stopStarted();
                state = State.STOPPED;
                throw e;
            }
        }
        state = State.STARTED;
        LOG.debug("{} started ({} parts)", application, parts.size());
    }

    /**
     * Stops every started part, the last started first. A part that fails to stop is logged and the others
     * are still stopped. Safe to call twice, or without a start.
     */
    public synchronized void stop() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        stopStarted();
        LOG.info("{} stopped", application);
    }

    private void startPart(Part part) {
        try {
            part.component().start();
        } catch (RuntimeException e) {
            throw new LifecycleException(application + ": " + part.name() + " did not start: " + e.getMessage(), e);
        }
        started.push(part);
        LOG.info("{}: started {}", application, part.name());
    }

    private void stopStarted() {
        while (!started.isEmpty()) {
            Part part = started.pop();
            try {
                part.component().stop();
                LOG.debug("{}: stopped {}", application, part.name());
            } catch (RuntimeException e) {
                LOG.warn("{}: {} did not stop cleanly: {}", application, part.name(), e.toString());
            }
        }
    }
}
