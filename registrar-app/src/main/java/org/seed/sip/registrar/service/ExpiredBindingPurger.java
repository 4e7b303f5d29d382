package org.seed.sip.registrar.service;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired bindings from the database on a timer; the store announces each as expired to its binding
 * listeners (reg-event subscribers). Expired bindings already vanish from every answer at once (lookups
 * compare their expiry with the clock); this keeps the table small and tells the watchers.
 */
public final class ExpiredBindingPurger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredBindingPurger.class);

    private final BindingRepository bindings;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public ExpiredBindingPurger(BindingRepository bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "registrar-purge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Purges every {@code intervalSeconds}, starting one interval from now. */
    public void start(int intervalSeconds) {
        timer.scheduleWithFixedDelay(this::purgeQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** One pass: deletes what has expired (the store announces it); returns how many bindings went. */
    public int purge() {
        List<Binding> expired = bindings.purgeExpired(clock.instant());
        if (!expired.isEmpty()) {
            LOG.debug("purged {} expired bindings of {} AORs", expired.size(),
                    expired.stream().map(Binding::getAor).distinct().count());
        }
        return expired.size();
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // a failed pass (database briefly unavailable) must not cancel the timer: the next pass retries
            LOG.warn("purging expired bindings failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
