package org.seed.sip.presence.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RFC 3856 §6.10: no more than one notification of changes per presentity per interval, and the latest state
 * always delivered. A change inside the interval after the last notification is held until the interval is
 * over; changes meanwhile join it, and the notification then reads the state as it is.
 * <p>
 * Thread-safe; {@code notify} runs outside the pacer's lock.
 */
final class NotificationPacer {

    /** Runs a task after a delay. */
    @FunctionalInterface
    interface Scheduler {
        void after(Duration delay, Runnable task);
    }

    private static final class Pace {
        Instant last;
        boolean held;
    }

    private final Duration interval;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Consumer<String> notify;
    private final Map<String, Pace> paces = new HashMap<>();

    /** @param notify told a presentity whose watchers are to be notified now */
    NotificationPacer(Duration interval, Clock clock, Scheduler scheduler, Consumer<String> notify) {
        this.interval = interval;
        this.clock = clock;
        this.scheduler = scheduler;
        this.notify = notify;
    }

    void changed(String presentity) {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Pace pace = paces.computeIfAbsent(presentity, key -> new Pace());
            if (pace.held) {
                return;
            }
            Instant due = pace.last == null ? now : pace.last.plus(interval);
            if (!due.isAfter(now)) {
                pace.last = now;
                wait = null;
            } else {
                pace.held = true;
                wait = Duration.between(now, due);
            }
        }
        if (wait == null) {
            notify.accept(presentity);
        } else {
            scheduler.after(wait, () -> release(presentity));
        }
    }

    private void release(String presentity) {
        synchronized (this) {
            Pace pace = paces.get(presentity);
            pace.held = false;
            pace.last = clock.instant();
        }
        notify.accept(presentity);
    }

    /** Forgets the presentities notified longer than an interval ago: they may be notified at once again. */
    synchronized void forgetIdle() {
        Instant limit = clock.instant().minus(interval);
        paces.values().removeIf(pace -> !pace.held && pace.last != null && !pace.last.isAfter(limit));
    }

    synchronized int tracked() {
        return paces.size();
    }
}
