package org.seed.sip.kit.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.kit.lifecycle.Managed;

/**
 * The extension in a real CDI container (Weld SE, the same Weld as in the applications, without a servlet
 * container): an application's Managed parts start with the container, in the order they are built, and
 * stop with it in reverse.
 */
class PlatformExtensionTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** A running part that records its start and stop. */
    record Part(String name, boolean failsToStart) implements Managed {
        @Override
        public void start() {
            if (failsToStart) {
                throw new IllegalStateException(name + " cannot bind its port");
            }
            EVENTS.add("start " + name);
        }

        @Override
        public void stop() {
            EVENTS.add("stop " + name);
        }
    }

    /** A service that does not run itself, built on a thread that does. */
    static class Service {
        Service(ThreadPart thread) {
        }
    }

    /**
     * An application's composition root, declared out of dependency order on purpose: a timer built on a
     * service built on a thread.
     */
    static class ApplicationBeans {
        @Produces
        @Singleton
        Part timer(Service service) {
            return new Part("timer", false);
        }

        @Produces
        @Singleton
        Service service(ThreadPart thread) {
            return new Service(thread);
        }

        @Produces
        @Singleton
        ThreadPart thread() {
            return new ThreadPart();
        }
    }

    static final class ThreadPart implements Managed {
        @Override
        public void start() {
            EVENTS.add("start thread");
        }

        @Override
        public void stop() {
            EVENTS.add("stop thread");
        }
    }

    static class FailingBeans {
        @Produces
        @Singleton
        ThreadPart thread() {
            return new ThreadPart();
        }

        @Produces
        @Singleton
        Part listener(ThreadPart thread) {
            return new Part("listener", true);
        }
    }

    static class DependentPartBeans {
        @Produces
        Part timer() {
            return new Part("timer", false);
        }
    }

    @BeforeEach
    void clearEvents() {
        EVENTS.clear();
    }

    private static Weld weld(Class<?> beans) {
        // without discovery Weld SE reads no META-INF/services: the extension is added as the applications' Weld finds it
        return new Weld().disableDiscovery().addExtension(new PlatformExtension()).addBeanClasses(beans);
    }

    @Test
    void partsStartWithTheContainerAfterWhatTheyAreBuiltFromAndStopInReverse() {
        WeldContainer container = weld(ApplicationBeans.class).initialize();
        List<String> afterStart = List.copyOf(EVENTS);

        container.close();

        assertThat(afterStart).containsExactly("start thread", "start timer");
        assertThat(EVENTS).containsExactly("start thread", "start timer", "stop timer", "stop thread");
    }

    @Test
    void aPartThatFailsToStartFailsTheDeploymentAfterStoppingWhatHadStarted() {
        assertThatThrownBy(() -> weld(FailingBeans.class).initialize())
                .hasStackTraceContaining("listener did not start: listener cannot bind its port");

        assertThat(EVENTS).containsExactly("start thread", "stop thread");
    }

    @Test
    void aManagedPartMustBeASingleton() {
        assertThatThrownBy(() -> weld(DependentPartBeans.class).initialize())
                .hasStackTraceContaining("produces a Managed part: it must be @Singleton");

        assertThat(EVENTS).isEmpty();
    }

    @Test
    void theSharedProducersAreAddedToEveryApplication() {
        try (WeldContainer container = weld(ApplicationBeans.class).initialize()) {
            assertThat(container.getBeanManager().getBeans(org.seed.sip.store.Store.class)).hasSize(1);
            assertThat(container.getBeanManager().getBeans(org.seed.sip.common.auth.Authenticator.class)).hasSize(1);
            assertThat(container.getBeanManager().getBeans(org.seed.sip.common.config.PlatformSettings.class)).hasSize(1);
        }
    }
}
