package org.seed.sip.presence.watch;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.NotifierThread;
import org.seed.sip.common.presence.WatcherRules;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.kit.presence.CurrentPresence;
import org.seed.sip.store.Store;

/**
 * The watchers' side's composition root: both notifiers on one thread, their subscriptions kept in the store,
 * registration changes heard from the store whoever made them.
 */
@ApplicationScoped
public class WatchBeans {

    @Produces
    @Singleton
    WatchSettings settings(PlatformSettings platform) {
        return WatchSettings.from(platform);
    }

    /** Also the {@code PresenceChanges} the publications' side tells: the watchers' side decides when NOTIFYs go. */
    @Produces
    @Singleton
    PresenceEvents events(Store store, WatchSettings settings, CurrentPresence documents, PlatformSettings platform) {
        Clock clock = Clock.systemUTC();
        // a presence.default.rule that cannot be read stops the application here, not at the first SUBSCRIBE
        WatcherGrants grants = new StoredGrants(store.presenceRules(), WatcherRules.from(platform));
        Presentities presentities = new Presentities(store.accounts(), settings.domains());
        NotifierThread thread = new NotifierThread("presence-notifier");
        var presence = new Notifier<>(PresenceEventPackage.presence(presentities, grants, documents),
                store.subscriptions(), clock, thread);
        var watcherInfo = new Notifier<>(PresenceEventPackage.watcherInfo(presentities, presence, clock),
                store.subscriptions(), clock, thread);
        return new PresenceEvents(presence, watcherInfo, documents, store.bindings().events(),
                store.presenceRules().events(), thread, settings, clock);
    }

    @Produces
    @Singleton
    WatchEndpoint watching(PresenceEvents events, WatchSettings settings, SipAuthentication authentication) {
        return new WatchEndpoint(events, settings, authentication);
    }
}
