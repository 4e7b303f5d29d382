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
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.service.ExpiredBindingPurger;
import org.seed.sip.registrar.service.RegistrarService;
import org.seed.sip.registrar.service.RegistrationListener;
import org.seed.sip.registrar.service.RegistrarSettings;
import org.seed.sip.store.Store;
import org.seed.sip.store.account.AccountCredentials;

/**
 * The registrar's composition root: how its services are built from the configuration and the shared
 * store, published as CDI beans. Singletons rather than application-scoped beans: the services are
 * immutable and final, so they need no client proxy.
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
    RegistrarService registrar(Store store, RegistrarSettings settings, RegistrationListener listener) {
        return new RegistrarService(store.accounts(), store.bindings(), new RegistrationRules(settings.policy()),
                settings.domains(), listener, Clock.systemUTC());
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
    RegistrationListener registrationListener() {
        return RegistrationListener.NONE;
    }

    @Produces
    @Singleton
    ExpiredBindingPurger purger(Store store, RegistrarSettings settings, RegistrationListener listener) {
        ExpiredBindingPurger purger = new ExpiredBindingPurger(store.bindings(), listener, Clock.systemUTC());
        purger.start(settings.purgeIntervalSeconds());
        return purger;
    }

    void stopPurger(@Disposes ExpiredBindingPurger purger) {
        purger.close();
    }
}
