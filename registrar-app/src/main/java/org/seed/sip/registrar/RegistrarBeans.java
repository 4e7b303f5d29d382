package org.seed.sip.registrar;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.enterprise.inject.Typed;
import javax.inject.Singleton;

import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.registrar.regevent.NotifierThread;
import org.seed.sip.registrar.regevent.RegEventNotifier;
import org.seed.sip.registrar.regevent.StoredContacts;
import org.seed.sip.registrar.regevent.SubscriptionAccess;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;
import org.seed.sip.registrar.regevent.rules.SubscriptionRules;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.service.ExpiredBindingPurger;
import org.seed.sip.registrar.service.RegistrarService;
import org.seed.sip.registrar.service.RegistrationListener;
import org.seed.sip.registrar.service.RegistrarSettings;
import org.seed.sip.store.Store;

/**
 * The registrar's composition root: how its services are built from the configuration and the shared
 * store, published as CDI beans. The store, the settings and the authenticator come from the kit's shared
 * producers ({@code org.seed.sip.kit.cdi.PlatformBeans}); the parts that run (the purge timer, the notifier
 * thread) are {@code Managed} and started and stopped by the kit's lifecycle, in the order they are built.
 * Singletons rather than application-scoped beans: the services are final and immutable or thread-safe,
 * so they need no client proxy.
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
    RegistrarService registrar(Store store, RegistrarSettings settings, RegistrationListener listener) {
        return new RegistrarService(store.accounts(), store.bindings(), new RegistrationRules(settings.policy()),
                settings.domains(), listener, Clock.systemUTC());
    }

    /** The platform's one authenticator (one throttle, one set of nonce counts), answering as a registrar. */
    @Produces
    @Singleton
    SipAuthentication authentication(Authenticator authenticator) {
        return new SipAuthentication(authenticator, SipAuthentication.Role.REGISTRAR);
    }

    /** The reg event notifier, also the listener the registrar and the purger announce changes to. */
    @Produces
    @Singleton
    RegistrationListener registrationListener(RegEventNotifier notifier) {
        return notifier;
    }

    @Produces
    @Singleton
    NotifierThread notifierThread() {
        return new NotifierThread();
    }

    /** {@code @Typed}: a RegEventNotifier bean only, the listener being published once, above. */
    @Produces
    @Singleton
    @Typed(RegEventNotifier.class)
    RegEventNotifier notifier(Store store, NotifierThread thread) {
        RegEventNotifier notifier = new RegEventNotifier(new StoredContacts(store.bindings(), Clock.systemUTC()),
                new ReginfoXml(), Clock.systemUTC(), thread);
        thread.checkExpiries(notifier);
        return notifier;
    }

    @Produces
    @Singleton
    SubscriptionRules subscriptionRules(RegistrarSettings settings) {
        return new SubscriptionRules(settings.subscriptionPolicy());
    }

    @Produces
    @Singleton
    SubscriptionAccess subscriptionAccess(Store store, RegistrarSettings settings) {
        return new SubscriptionAccess(store.accounts(), settings.domains());
    }

    @Produces
    @Singleton
    ExpiredBindingPurger purger(Store store, RegistrarSettings settings, RegistrationListener listener) {
        return new ExpiredBindingPurger(store.bindings(), listener, Clock.systemUTC(), settings.purgeIntervalSeconds());
    }
}
