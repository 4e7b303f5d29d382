package org.seed.sip.presence.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 3856 §6.10 pacing with a clock the test moves and a scheduler it runs by hand. */
class NotificationPacerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final String ALICE = "sip:alice@example.com";

    private Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private final List<String> notified = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final NotificationPacer pacer = new NotificationPacer(INTERVAL, clock(), (delay, task) -> {
        delays.add(delay);
        held.add(task);
    }, notified::add);

    @Test
    void firstChangeIsNotifiedAtOnce() {
        pacer.changed(ALICE);

        assertThat(notified).containsExactly(ALICE);
        assertThat(held).isEmpty();
    }

    @Test
    void changesInsideTheIntervalMakeOneNotificationWhenItIsOver() {
        pacer.changed(ALICE);
        advance(Duration.ofSeconds(2));
        pacer.changed(ALICE);
        advance(Duration.ofSeconds(1));
        pacer.changed(ALICE);

        assertThat(notified).containsExactly(ALICE);
        assertThat(delays).containsExactly(Duration.ofSeconds(3));
        advance(Duration.ofSeconds(2));
        runHeld();
        assertThat(notified).containsExactly(ALICE, ALICE);
    }

    @Test
    void theIntervalCountsFromTheHeldNotification() {
        pacer.changed(ALICE);
        advance(Duration.ofSeconds(1));
        pacer.changed(ALICE);
        advance(Duration.ofSeconds(4));
        runHeld();
        advance(Duration.ofSeconds(1));

        pacer.changed(ALICE);

        assertThat(notified).hasSize(2);
        assertThat(delays).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void presentitiesArePacedApart() {
        pacer.changed(ALICE);
        pacer.changed("sip:bob@example.com");

        assertThat(notified).containsExactly(ALICE, "sip:bob@example.com");
    }

    @Test
    void aChangeAfterTheIntervalIsNotifiedAtOnceAndIdlePresentitiesAreForgotten() {
        pacer.changed(ALICE);
        advance(INTERVAL);
        pacer.changed(ALICE);
        assertThat(notified).hasSize(2);

        advance(INTERVAL);
        pacer.forgetIdle();
        assertThat(pacer.tracked()).isZero();
    }

    @Test
    void noIntervalNotifiesEveryChange() {
        NotificationPacer unpaced = new NotificationPacer(Duration.ZERO, clock(), (delay, task) -> held.add(task),
                notified::add);

        unpaced.changed(ALICE);
        unpaced.changed(ALICE);

        assertThat(notified).hasSize(2);
        assertThat(held).isEmpty();
    }

    private void runHeld() {
        List<Runnable> due = List.copyOf(held);
        held.clear();
        due.forEach(Runnable::run);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }
}
