package org.seed.sip.registrar.regevent;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.seed.sip.kit.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's own thread: registration changes become NOTIFYs there, in the order they were committed,
 * and subscriptions are checked for expiry every second. It starts with its first task and stops with the
 * application.
 */
public final class NotifierThread implements Executor, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierThread.class);
    private static final long EXPIRY_CHECK_SECONDS = 1;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread daemon = new Thread(task, "regevent-notifier");
        daemon.setDaemon(true);
        return daemon;
    });

    @Override
    public void execute(Runnable task) {
        thread.execute(quietly(task));
    }

    /** Ends expired subscriptions of {@code notifier} from now on. */
    public void checkExpiries(RegEventNotifier notifier) {
        thread.scheduleWithFixedDelay(quietly(notifier::expireDue), EXPIRY_CHECK_SECONDS, EXPIRY_CHECK_SECONDS,
                TimeUnit.SECONDS);
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
                LOG.warn("reg event notification failed: {}", e.toString());
            }
        };
    }

    @Override
    public void stop() {
        thread.shutdownNow();
    }
}
