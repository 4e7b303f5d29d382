package org.seed.sip.registrar.service;

import java.time.Clock;
import java.util.List;

import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.kit.lifecycle.PeriodicTask;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired bindings from the database on a timer; the store announces each as expired to its binding
 * listeners (reg-event subscribers). Expired bindings already vanish from every answer at once (lookups
 * compare their expiry with the clock); this keeps the table small and tells the watchers.
 */
public final class ExpiredBindingPurger implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredBindingPurger.class);

    private final BindingRepository bindings;
    private final Clock clock;
    private final PeriodicTask timer;

    /** A purger that, once started, purges every {@code intervalSeconds}. */
    public ExpiredBindingPurger(BindingRepository bindings, Clock clock, int intervalSeconds) {
        this.bindings = bindings;
        this.clock = clock;
        this.timer = new PeriodicTask("registrar-purge", intervalSeconds, this::purge);
    }

    /** The first pass runs one interval from now. */
    @Override
    public void start() {
        timer.start();
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

    @Override
    public void stop() {
        timer.stop();
    }
}
