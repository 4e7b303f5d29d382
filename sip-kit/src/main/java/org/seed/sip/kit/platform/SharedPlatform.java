package org.seed.sip.kit.platform;

import java.util.function.Supplier;

import org.seed.sip.common.auth.AuthSettings;
import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.kit.calls.LiveCallsRegistry;
import org.seed.sip.kit.lifecycle.Managed;
import org.seed.sip.store.Store;
import org.seed.sip.store.account.AccountCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the applications of the platform share in one process: the store, and one {@link Authenticator},
 * so that a password guesser's failures add up to one block whichever application and method it tries,
 * and a nonce issued by one application is answered to another with its nonce counts seen by both.
 * <p>
 * The kit jar sits in the EAR's {@code lib/}, whose loader is the parent of every application's, so
 * {@link #process()} is one object for all of them. Each application holds a {@link Use} from its start to
 * its stop; the last one to stop closes the store, so the platform, not a test or a JVM exit, closes it.
 */
public final class SharedPlatform {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPlatform.class);
    private static final SharedPlatform PROCESS = new SharedPlatform(Store::shared, Store::closeShared,
            PlatformSettings::current);

    private final Supplier<Store> openStore;
    private final Runnable closeStore;
    private final Supplier<PlatformSettings> settings;
    private final LiveCallsRegistry calls = new LiveCallsRegistry();
    private int users;
    /** Built over the store it reads credentials from; a store opened again gets a new one. */
    private Authenticator authenticator;
    private Store authenticatorStore;

    SharedPlatform(Supplier<Store> openStore, Runnable closeStore, Supplier<PlatformSettings> settings) {
        this.openStore = openStore;
        this.closeStore = closeStore;
        this.settings = settings;
    }

    /** The platform of this process. */
    public static SharedPlatform process() {
        return PROCESS;
    }

    /** The calls in progress in this process, offered by the application that carries them (the B2BUA). */
    public LiveCallsRegistry calls() {
        return calls;
    }

    /** {@code application}'s use of the platform, to be started with it and stopped with it. */
    public Use use(String application) {
        return new Use(application);
    }

    private synchronized Store store() {
        return openStore.get();
    }

    private synchronized Authenticator authenticator() {
        Store store = openStore.get();
        if (authenticator == null || authenticatorStore != store) {
            authenticator = Authenticator.create(new AccountCredentials(store.accounts()),
                    AuthSettings.from(settings.get()));
            authenticatorStore = store;
        }
        return authenticator;
    }

    private synchronized void begin() {
        users++;
    }

    private synchronized void end(String application) {
        users--;
        if (users == 0) {
            LOG.debug("{} was the last application using the store", application);
            authenticator = null;
            authenticatorStore = null;
            closeStore.run();
        }
    }

    /**
     * One application's use of the shared platform: what it reaches through here lives at least as long as
     * the use, which an application starts before its other parts and stops after them.
     */
    public final class Use implements Managed {

        private final String application;

        private Use(String application) {
            this.application = application;
        }

        @Override
        public void start() {
            begin();
        }

        @Override
        public void stop() {
            end(application);
        }

        /** The platform's store, opened on first use. */
        public Store store() {
            return SharedPlatform.this.store();
        }

        /** The platform's one authenticator: one failure throttle, one nonce secret, one set of nonce counts. */
        public Authenticator authenticator() {
            return SharedPlatform.this.authenticator();
        }

        public PlatformSettings settings() {
            return settings.get();
        }

        @Override
        public String toString() {
            return application + "'s use of the shared platform";
        }
    }
}
