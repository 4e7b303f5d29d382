package org.seed.sip.registrar;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Disposes;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.auth.AuthSettings;
import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.servlet.SipAuthentication;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.NotifierThread;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.registrar.regevent.RegEvent;
import org.seed.sip.registrar.regevent.RegEventPackage;
import org.seed.sip.registrar.regevent.RegistrationChanges;
import org.seed.sip.registrar.regevent.StoredContacts;
import org.seed.sip.registrar.regevent.SubscriptionAccess;
import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.service.ExpiredBindingPurger;
import org.seed.sip.registrar.service.RegistrarService;
import org.seed.sip.registrar.service.RegistrarSettings;
import org.seed.sip.store.Store;
import org.seed.sip.store.account.AccountCredentials;

/**
 * The registrar's composition root: how its services are built from the configuration and the shared
 * store, published as CDI beans. Singletons rather than application-scoped beans: the services are final
 * and immutable or thread-safe, so they need no client proxy.
 */
@ApplicationScoped
public class RegistrarBeans {

    @Produces
    @Singleton
    RegistrarSettings settings() {
        return RegistrarSettings.from(PlatformSettings.current());
    }

    @Produces
    @Singleton
    Store store() {
        return Store.shared();
    }

    @Produces
    @Singleton
    RegistrarService registrar(Store store, RegistrarSettings settings) {
        return new RegistrarService(store.accounts(), store.bindings(), new RegistrationRules(settings.policy()),
                settings.domains(), Clock.systemUTC());
    }

    /** One authenticator for the application: its nonce counts and failure throttle must see every request. */
    @Produces
    @Singleton
    SipAuthentication authentication(Store store) {
        Authenticator authenticator = Authenticator.create(new AccountCredentials(store.accounts()),
                AuthSettings.from(PlatformSettings.current()));
        return new SipAuthentication(authenticator, SipAuthentication.Role.REGISTRAR);
    }

    @Produces
    @Singleton
    NotifierThread notifierThread() {
        return new NotifierThread("regevent-notifier");
    }

    void stopNotifierThread(@Disposes NotifierThread thread) {
        thread.close();
    }

    /**
     * The reg event package (RFC 3680) on the shared notifier: subscriptions kept in the store, registration
     * changes heard from the store, whoever made them. Started by the servlet, which owns the SIP factory.
     */
    @Produces
    @Singleton
    RegEvent regEvent(Store store, RegistrarSettings settings, NotifierThread thread) {
        SubscriptionAccess access = new SubscriptionAccess(store.accounts(), settings.domains());
        var notifier = new Notifier<>(RegEventPackage.of(access, new StoredContacts(store.bindings(), Clock.systemUTC())),
                store.subscriptions(), Clock.systemUTC(), thread);
        thread.tick(notifier);
        return new RegEvent(notifier,
                new SubscribeRules(RegEventPackage.NAME, Reginfo.CONTENT_TYPE, settings.subscriptionPolicy()),
                store.bindings().events().subscribe(new RegistrationChanges(notifier)));
    }

    void stopRegEvent(@Disposes RegEvent regEvent) {
        regEvent.close();
    }

    @Produces
    @Singleton
    ExpiredBindingPurger purger(Store store, RegistrarSettings settings) {
        ExpiredBindingPurger purger = new ExpiredBindingPurger(store.bindings(), Clock.systemUTC());
        purger.start(settings.purgeIntervalSeconds());
        return purger;
    }

    void stopPurger(@Disposes ExpiredBindingPurger purger) {
        purger.close();
    }
}
