package org.seed.sip.presence.publish;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.presence.PresenceChanges;
import org.seed.sip.store.presence.Publication;
import org.seed.sip.store.presence.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired publications on a timer and tells the watchers' side of each presentity whose document
 * changed (RFC 3903 §4.3: an unrefreshed publication ends). Expired publications already vanish from every
 * composed document at once (reads compare their expiry with the clock); this keeps the table small and
 * makes watchers hear of it.
 */
public final class PublicationPurger implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationPurger.class);

    private final PublicationRepository publications;
    private final PresenceChanges changes;
    private final Clock clock;
    private final int intervalSeconds;
    private final ScheduledExecutorService timer;

    public PublicationPurger(PublicationRepository publications, PresenceChanges changes, Clock clock,
            int intervalSeconds) {
        this.publications = publications;
        this.changes = changes;
        this.clock = clock;
        this.intervalSeconds = intervalSeconds;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "presence-publication-purge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The first pass runs one interval from now. */
    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::purgeQuietly, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    /** One pass: deletes what has expired and tells each presentity's watchers; returns how many went. */
    public int purge() {
        List<Publication> expired = publications.purgeExpired(clock.instant());
        expired.stream().map(Publication::aor).distinct().forEach(aor -> Publications.tell(changes, aor));
        if (!expired.isEmpty()) {
            LOG.debug("purged {} expired presence publications", expired.size());
        }
        return expired.size();
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // a failed pass (database briefly unavailable) must not cancel the timer: the next pass retries
            LOG.warn("purging expired presence publications failed: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        timer.shutdownNow();
    }
}
