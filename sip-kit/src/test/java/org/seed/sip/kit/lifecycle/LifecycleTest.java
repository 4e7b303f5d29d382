package org.seed.sip.kit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final List<String> events = new ArrayList<>();
    private final Lifecycle lifecycle = new Lifecycle("test-app");

    /** A part that writes "start NAME" and "stop NAME" to the events, or fails its start. */
    private Managed part(String name, boolean failsToStart) {
        return new Managed() {
            @Override
            public void start() {
                if (failsToStart) {
                    throw new IllegalStateException("port in use");
                }
                events.add("start " + name);
            }

            @Override
            public void stop() {
                events.add("stop " + name);
            }
        };
    }

    @Test
    void startsPartsInTheOrderAddedAndStopsThemInReverse() {
        lifecycle.add("store use", part("store use", false));
        lifecycle.add("notifier", part("notifier", false));
        lifecycle.add("purger", part("purger", false));

        lifecycle.start();
        lifecycle.stop();

        assertThat(events).containsExactly("start store use", "start notifier", "start purger",
                "stop purger", "stop notifier", "stop store use");
    }

    @Test
    void aFailedStartStopsWhatHadStartedAndFailsNamingThePart() {
        lifecycle.add("store use", part("store use", false));
        lifecycle.add("notifier", part("notifier", false));
        lifecycle.add("listener", part("listener", true));
        lifecycle.add("purger", part("purger", false));

        assertThatThrownBy(lifecycle::start).isInstanceOf(LifecycleException.class)
                .hasMessage("test-app: listener did not start: port in use");

        assertThat(events).containsExactly("start store use", "start notifier", "stop notifier", "stop store use");
    }

    @Test
    void aFailedStartLeavesNothingForALaterStopToStop() {
        lifecycle.add("notifier", part("notifier", false));
        lifecycle.add("listener", part("listener", true));
        assertThatThrownBy(lifecycle::start).isInstanceOf(LifecycleException.class);

        lifecycle.stop();

        assertThat(events).containsExactly("start notifier", "stop notifier");
    }

    @Test
    void aPartAddedToAStartedLifecycleStartsAtOnceAndStopsFirst() {
        lifecycle.add("notifier", part("notifier", false));
        lifecycle.start();

        lifecycle.add("built on first use", part("built on first use", false));
        lifecycle.stop();

        assertThat(events).containsExactly("start notifier", "start built on first use",
                "stop built on first use", "stop notifier");
    }

    @Test
    void aPartThatFailsToStopDoesNotKeepTheOthersRunning() {
        lifecycle.add("store use", part("store use", false));
        lifecycle.add("broken", () -> {
            throw new IllegalStateException("stuck");
        });
        lifecycle.start();

        lifecycle.stop();

        assertThat(events).containsExactly("start store use", "stop store use");
    }

    @Test
    void stopsOnlyOnce() {
        lifecycle.add("notifier", part("notifier", false));
        lifecycle.start();

        lifecycle.stop();
        lifecycle.stop();

        assertThat(events).containsExactly("start notifier", "stop notifier");
        assertThatThrownBy(() -> lifecycle.add("late", part("late", false))).isInstanceOf(IllegalStateException.class);
    }
}
