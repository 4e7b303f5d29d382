package org.seed.sip.registrar;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.NotifierThread;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.registrar.regevent.RegEvent;
import org.seed.sip.registrar.regevent.RegEventPackage;
import org.seed.sip.registrar.regevent.StoredContacts;
import org.seed.sip.registrar.regevent.SubscriptionAccess;
import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.service.ExpiredBindingPurger;
import org.seed.sip.registrar.service.RegistrarService;
import org.seed.sip.registrar.service.RegistrarSettings;
import org.seed.sip.store.Store;

/**
 * The registrar's composition root: how its services are built from the configuration and the shared
 * store, published as CDI beans. The store, the settings and the authenticator come from the kit's shared
 * producers ({@code org.seed.sip.kit.cdi.PlatformBeans}); the parts that run (the purge timer, the reg event
 * package with its notifier thread) are {@code Managed} and started and stopped by the kit's lifecycle, in
 * the order they are built. Singletons rather than application-scoped beans: the services are final and
 * immutable or thread-safe, so they need no client proxy.
 */
@ApplicationScoped
public class RegistrarBeans {

    @Produces
    @Singleton
    RegistrarSettings settings(PlatformSettings platform) {
        return RegistrarSettings.from(platform);
    }

    @Produces
    @Singleton
    RegistrarService registrar(Store store, RegistrarSettings settings) {
        return new RegistrarService(store.accounts(), store.bindings(), new RegistrationRules(settings.policy()),
                settings.domains(), Clock.systemUTC());
    }

    /** The platform's one authenticator (one throttle, one set of nonce counts), answering as a registrar. */
    @Produces
    @Singleton
    SipAuthentication authentication(Authenticator authenticator) {
        return new SipAuthentication(authenticator, SipAuthentication.Role.REGISTRAR);
    }

    /**
     * The reg event package (RFC 3680) on the shared notifier: subscriptions kept in the store, registration
     * changes heard from the store, whoever made them. Its NOTIFYs start with the servlet, which owns the SIP
     * factory; it stops with the application.
     */
    @Produces
    @Singleton
    RegEvent regEvent(Store store, RegistrarSettings settings) {
        SubscriptionAccess access = new SubscriptionAccess(store.accounts(), settings.domains());
        NotifierThread thread = new NotifierThread("regevent-notifier");
        var notifier = new Notifier<>(RegEventPackage.of(access, new StoredContacts(store.bindings(), Clock.systemUTC())),
                store.subscriptions(), Clock.systemUTC(), thread);
        return new RegEvent(notifier,
                new SubscribeRules(RegEventPackage.NAME, Reginfo.CONTENT_TYPE, settings.subscriptionPolicy()),
                store.bindings().events(), thread);
    }

    @Produces
    @Singleton
    ExpiredBindingPurger purger(Store store, RegistrarSettings settings) {
        return new ExpiredBindingPurger(store.bindings(), Clock.systemUTC(), settings.purgeIntervalSeconds());
    }
}
