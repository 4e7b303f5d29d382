package org.seed.sip.presence.publish;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.presence.PresenceChanges;

/** The publication side's composition root. */
@ApplicationScoped
public class PublicationBeans {

    @Produces
    @Singleton
    PublishEndpoint publications(PresenceChanges changes) {
        return new PublishEndpoint(changes);
    }
}
