package org.seed.sip.kit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A periodic task runs again after a failed run, and not at all once stopped. */
class PeriodicTaskTest {

    @Test
    void aFailedRunDoesNotCancelTheNextOnes() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(1);
        PeriodicTask task = new PeriodicTask("test-periodic", 1, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database briefly unavailable");
            }
            secondRun.countDown();
        });
        task.start();
        try {
            assertThat(secondRun.await(10, TimeUnit.SECONDS)).as("a second run after the failed first").isTrue();
        } finally {
            task.stop();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(2);
    }
}
