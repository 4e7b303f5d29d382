package org.seed.sip.presence.publish;

import java.time.Clock;
import java.util.List;

import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.kit.lifecycle.PeriodicTask;
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
    private final PeriodicTask timer;

    public PublicationPurger(PublicationRepository publications, PresenceChanges changes, Clock clock,
            int intervalSeconds) {
        this.publications = publications;
        this.changes = changes;
        this.clock = clock;
        this.timer = new PeriodicTask("presence-publication-purge", intervalSeconds, this::purge);
    }

    @Override
    public void start() {
        timer.start();
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

    @Override
    public void stop() {
        timer.stop();
    }
}
