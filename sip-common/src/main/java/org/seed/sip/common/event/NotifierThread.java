package org.seed.sip.common.event;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A notifier's own thread: state changes become NOTIFYs there, in the order they were reported, and the
 * subscriptions are checked for expiry (and NOTIFYs for answers) every second.
 */
public final class NotifierThread implements Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierThread.class);
    private static final long TICK_SECONDS = 1;

    private final ScheduledExecutorService thread;

    /** @param name the thread's name, e.g. {@code regevent-notifier} */
    public NotifierThread(String name) {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread daemon = new Thread(task, name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    @Override
    public void execute(Runnable task) {
        thread.execute(quietly(task));
    }

    /** Runs {@link Notifier#tick()} of {@code notifier} every second from now on. */
    public void tick(Notifier<?, ?> notifier) {
        every(notifier::tick);
    }

    /** Runs {@code task} every second from now on. */
    public void every(Runnable task) {
        thread.scheduleWithFixedDelay(quietly(task), TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code task} on the thread once {@code delay} has passed. */
    public void schedule(Runnable task, Duration delay) {
        try {
            thread.schedule(quietly(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("stopping: a task due in {} dropped", delay);
        }
    }

    /**
     * A failure (database briefly unavailable) is logged and must neither kill the thread nor cancel the
     * expiry checks: the next change or check tries again.
     */
    private static Runnable quietly(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("event notification failed: {}", e.toString());
            }
        };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
