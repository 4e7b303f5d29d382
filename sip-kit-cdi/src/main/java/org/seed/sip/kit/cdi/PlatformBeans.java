package org.seed.sip.kit.cdi;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;
import javax.enterprise.inject.spi.BeanManager;
import javax.inject.Singleton;

import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.kit.platform.SharedPlatform;
import org.seed.sip.store.Store;

/**
 * The beans every application needs, the same in each: added to every application's CDI container by
 * {@link PlatformExtension}, never copied into an application. The store and the authenticator are the
 * platform's shared ones, reached through the application's {@link SharedPlatform.Use}, which therefore
 * starts before and stops after everything built on them.
 * <p>
 * No normal scope here or on the beans: this class lives in the EAR's {@code lib/}, whose loader cannot see
 * the application's Weld, so Weld could not define client proxies next to it.
 */
@Dependent
public class PlatformBeans {

    @Produces
    @Singleton
    SharedPlatform.Use platformUse(BeanManager manager) {
        return SharedPlatform.process().use(manager.getExtension(PlatformExtension.class).applicationName());
    }

    @Produces
    @Singleton
    PlatformSettings settings(SharedPlatform.Use platform) {
        return platform.settings();
    }

    @Produces
    @Singleton
    Store store(SharedPlatform.Use platform) {
        return platform.store();
    }

    /** The platform's one authenticator; each application wraps it in its RFC 3261 §22 role (401 or 407). */
    @Produces
    @Singleton
    Authenticator authenticator(SharedPlatform.Use platform) {
        return platform.authenticator();
    }
}
