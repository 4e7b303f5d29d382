package org.seed.sip.presence.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.seed.sip.common.event.BodyWriter;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.xml.XmlBinding;
import org.seed.sip.presence.watch.winfo.Watcher;
import org.seed.sip.presence.watch.winfo.WatcherList;
import org.seed.sip.presence.watch.winfo.Watcherinfo;

/**
 * Writes watcher information (RFC 3858): the full list of a presentity's watchers, or the one watcher that
 * changed (RFC 3858 §4.1 {@code partial}).
 */
final class WatcherInfoWriter implements BodyWriter<List<SubscriptionRecord>, WatcherChange> {

    static final String WATCHED_PACKAGE = "presence";

    private final XmlBinding<Watcherinfo> xml = new XmlBinding<>(Watcherinfo.class, "watcherinfo");
    private final Clock clock;

    WatcherInfoWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public byte[] fullState(long version, String resource, List<SubscriptionRecord> watchers) {
        return xml.write(new Watcherinfo(version, true, new WatcherList(resource, WATCHED_PACKAGE,
                watchers.stream().map(watcher -> watcher(WatcherChange.started(watcher))).toList())));
    }

    @Override
    public byte[] partialState(long version, String resource, WatcherChange change,
            List<SubscriptionRecord> watchers) {
        return xml.write(new Watcherinfo(version, false,
                new WatcherList(resource, WATCHED_PACKAGE, List.of(watcher(change)))));
    }

    /** RFC 3858 §4.3: a running subscription states the seconds it has left. */
    private Watcher watcher(WatcherChange change) {
        SubscriptionRecord subscription = change.subscription();
        Long expiration = "terminated".equals(change.status()) ? null
                : Math.max(0, Duration.between(clock.instant(), subscription.expiresAt()).toSeconds());
        return new Watcher(Presentities.aorOf(subscription.subscriber()), subscription.id(), change.status(),
                change.event(), expiration);
    }
}
