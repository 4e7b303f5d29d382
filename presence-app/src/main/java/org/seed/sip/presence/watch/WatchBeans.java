package org.seed.sip.presence.watch;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.presence.PresenceChanges;

/** The watchers' side's composition root. */
@ApplicationScoped
public class WatchBeans {

    @Produces
    @Singleton
    WatchEndpoint watching() {
        return new WatchEndpoint();
    }

    @Produces
    @Singleton
    PresenceChanges presenceChanges() {
        return aor -> { };
    }
}
