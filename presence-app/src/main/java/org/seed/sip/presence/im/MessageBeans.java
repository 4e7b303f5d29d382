package org.seed.sip.presence.im;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.sip.DomainAdmission;
import org.seed.sip.presence.im.rules.MessageAdmission;
import org.seed.sip.presence.im.rules.MessageSettings;
import org.seed.sip.presence.im.rules.SenderRates;
import org.seed.sip.store.Store;

/**
 * The instant messages' composition root: the settings, the deliveries' timer and the offline queue (both
 * {@code Managed}, started in that order and stopped in reverse), and the endpoint over them. The
 * authenticator and the store are the platform's shared ones.
 */
@ApplicationScoped
public class MessageBeans {

    @Produces
    @Singleton
    MessageSettings messageSettings(PlatformSettings platform) {
        return MessageSettings.from(platform);
    }

    @Produces
    @Singleton
    Deliveries deliveries(MessageSettings settings) {
        return new Deliveries(settings.deliveryTimeout());
    }

    @Produces
    @Singleton
    OfflineQueue offlineQueue(Store store, Deliveries deliveries, MessageSettings settings) {
        return new OfflineQueue(store.offlineMessages(), store.locations(), store.bindings().events(), deliveries,
                settings.offlineTtl(), settings.offlineMax(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    MessageEndpoint messages(Store store, PlatformSettings platform, Authenticator authenticator, MessageSettings settings,
            Deliveries deliveries, OfflineQueue offline) {
        return new MessageEndpoint(new MessageAdmission(DomainAdmission.from(platform), settings.maxBody()),
                // the platform's one authenticator, answering as a proxy for the domain (407, RFC 3261 §22.3), as the B2BUA
                new SipAuthentication(authenticator, SipAuthentication.Role.PROXY),
                new SenderRates(settings.ratePerSecond(), settings.rateBurst()),
                store.accounts(), store.locations(), deliveries, offline);
    }
}
