package org.seed.sip.presence.publish;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.kit.presence.CurrentPresence;
import org.seed.sip.kit.presence.StoredPresence;
import org.seed.sip.presence.PresenceChanges;
import org.seed.sip.store.Store;

/**
 * The publication side's composition root: PUBLISH handling over the store, the purge of expired
 * publications (started and stopped by the kit's lifecycle), and the composed presence every part of the
 * application reads ({@link CurrentPresence}, composed from the store on each call, as the console does).
 */
@ApplicationScoped
public class PublicationBeans {

    @Produces
    @Singleton
    PublishSettings publishSettings(PlatformSettings platform) {
        return PublishSettings.from(platform);
    }

    @Produces
    @Singleton
    CurrentPresence currentPresence(Store store) {
        return StoredPresence.of(store);
    }

    @Produces
    @Singleton
    PublishEndpoint publications(Store store, PublishSettings settings, PresenceChanges changes,
            SipAuthentication authentication) {
        PublishRules rules = new PublishRules(settings.expiry(), settings.maxBodyBytes(), new PidfXml());
        return new PublishEndpoint(new Publications(rules, store.publications(), store.accounts(), settings.domains(),
                changes, new EntityTags(), Clock.systemUTC()), authentication);
    }

    @Produces
    @Singleton
    PublicationPurger publicationPurger(Store store, PublishSettings settings, PresenceChanges changes) {
        return new PublicationPurger(store.publications(), changes, Clock.systemUTC(), settings.purgeIntervalSeconds());
    }
}
