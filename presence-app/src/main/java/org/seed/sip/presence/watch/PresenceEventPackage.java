package org.seed.sip.presence.watch;

import java.time.Clock;
import java.util.List;

import org.seed.sip.common.event.BodyWriter;
import org.seed.sip.common.event.EventPackage;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.StateView;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.presence.WatcherGrant;
import org.seed.sip.kit.presence.ComposedPresence;
import org.seed.sip.kit.presence.CurrentPresence;
import org.seed.sip.presence.watch.winfo.Watcherinfo;

/** The presence (RFC 3856) and watcher-information (RFC 3857) packages on the shared notifier. */
final class PresenceEventPackage {

    /** RFC 3856 §6.7: the one body type served (RFC 3863). */
    static final String CONTENT_TYPE = "application/pidf+xml";

    private PresenceEventPackage() {
    }

    /**
     * Every NOTIFY carries the whole composed document: partial PIDF (RFC 5263) is for watchers that ask for
     * it, and none here does.
     */
    static EventPackage<ComposedPresence, ComposedPresence> presence(Presentities presentities, WatcherGrants grants,
            CurrentPresence documents) {
        StateView<ComposedPresence> politeBlock = (subscriber, resource, state) ->
                grants.of(resource, Presentities.aorOf(subscriber)) == WatcherGrant.POLITE_BLOCK
                        ? documents.politeBlocked(resource) : state;
        return new EventPackage<>(WatchEndpoint.PRESENCE, CONTENT_TYPE, presentities,
                new WatcherAuthorization(presentities, grants), documents::of, politeBlock,
                new BodyWriter<>() {
                    @Override
                    public byte[] fullState(long version, String resource, ComposedPresence state) {
                        return state.pidf();
                    }

                    @Override
                    public byte[] partialState(long version, String resource, ComposedPresence change,
                            ComposedPresence state) {
                        return state.pidf();
                    }
                });
    }

    /** A presentity's watchers are its presence subscriptions, as the presence notifier holds them. */
    static EventPackage<List<SubscriptionRecord>, WatcherChange> watcherInfo(Presentities presentities,
            Notifier<?, ?> presence, Clock clock) {
        return new EventPackage<>(WatchEndpoint.WATCHER_INFO, Watcherinfo.CONTENT_TYPE, presentities,
                new OwnerOnly(presentities), presence::subscriptionsTo, new WatcherInfoWriter(clock));
    }
}
