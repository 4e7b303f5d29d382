package org.seed.sip.kit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.auth.AuthAttempt;
import org.seed.sip.common.auth.AuthOutcome;
import org.seed.sip.common.auth.Authenticator;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;

/** One platform per process: one store and one authenticator whichever application asks. */
class SharedPlatformTest {

    @TempDir
    Path directory;

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private Store store;
    private SharedPlatform platform;

    @BeforeEach
    void platform() {
        platform = new SharedPlatform(this::openStore, this::closeStore, PlatformSettings::current);
    }

    @AfterEach
    void closeWhatIsOpen() {
        closeStore();
    }

    private synchronized Store openStore() {
        if (store == null) {
            store = Store.open(new StoreSettings("jdbc:h2:file:" + directory.resolve("db"), "sa", "", 2));
            opened.incrementAndGet();
        }
        return store;
    }

    private synchronized void closeStore() {
        if (store != null) {
            store.close();
            store = null;
            closed.incrementAndGet();
        }
    }

    @Test
    void twoApplicationsGetTheSameAuthenticatorAndStore() {
        SharedPlatform.Use registrar = started("registrar-app");
        SharedPlatform.Use presence = started("presence-app");

        assertThat(presence.authenticator()).isSameAs(registrar.authenticator());
        assertThat(presence.store()).isSameAs(registrar.store());
    }

    @Test
    void failuresInTwoApplicationsWithTwoMethodsAddUpToOneBlock() {
        Authenticator registrar = started("registrar-app").authenticator();
        Authenticator presence = started("presence-app").authenticator();
        int limit = PlatformSettings.current().integer("auth.throttle.failures");

        for (int failure = 0; failure < limit; failure++) {
            Authenticator application = failure % 2 == 0 ? registrar : presence;
            String method = failure % 2 == 0 ? "REGISTER" : "SUBSCRIBE";
            assertThat(application.authenticate(garbledCredentials(method))).isInstanceOf(AuthOutcome.Challenge.class);
        }

        assertThat(registrar.authenticate(garbledCredentials("REGISTER"))).isInstanceOf(AuthOutcome.Throttled.class);
        assertThat(presence.authenticate(garbledCredentials("PUBLISH"))).isInstanceOf(AuthOutcome.Throttled.class);
    }

    @Test
    void theLastApplicationToStopClosesTheStoreOnce() {
        SharedPlatform.Use registrar = started("registrar-app");
        SharedPlatform.Use console = started("console");
        registrar.store();

        registrar.stop();
        assertThat(closed).hasValue(0);
        console.stop();

        assertThat(closed).hasValue(1);
    }

    @Test
    void aPlatformStartedAgainOpensTheStoreAgainWithAFreshAuthenticator() {
        SharedPlatform.Use first = started("registrar-app");
        Authenticator before = first.authenticator();
        first.stop();

        SharedPlatform.Use again = started("registrar-app");

        assertThat(again.authenticator()).isNotSameAs(before);
        assertThat(opened).hasValue(2);
    }

    private SharedPlatform.Use started(String application) {
        SharedPlatform.Use use = platform.use(application);
        use.start();
        return use;
    }

    /** Credentials that cannot be parsed: a failure of the source, whatever the user. */
    private static AuthAttempt garbledCredentials(String method) {
        return new AuthAttempt(method, "127.0.0.1", List.of("Digest username=\"alice"), "203.0.113.9", Instant.now());
    }
}
