package org.seed.sip.kit.lifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run every {@code interval} seconds on a daemon thread of its own, from its start (first run one
 * interval later) to its stop. A failed run (the database briefly unavailable) is logged and does not cancel
 * the next ones.
 */
public final class PeriodicTask implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final int intervalSeconds;
    private final Runnable task;
    private final ScheduledExecutorService timer;

    /** @param name the thread's name, and the task's in the log */
    public PeriodicTask(String name, int intervalSeconds, Runnable task) {
        this.name = name;
        this.intervalSeconds = intervalSeconds;
        this.task = task;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::runQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed, tried again in {} s: {}", name, intervalSeconds, e.getMessage());
        }
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }
}
