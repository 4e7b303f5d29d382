package org.seed.sip.registrar;

import java.time.Clock;

import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.registrar.rules.RegistrationRules;
import org.seed.sip.registrar.service.RegistrarService;
import org.seed.sip.registrar.service.RegistrarSettings;
import org.seed.sip.store.Store;

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
    RegistrarService registrar(Store store, RegistrarSettings settings) {
        return new RegistrarService(store.accounts(), store.bindings(), new RegistrationRules(settings.policy()),
                settings.domains(), Clock.systemUTC());
    }
}
