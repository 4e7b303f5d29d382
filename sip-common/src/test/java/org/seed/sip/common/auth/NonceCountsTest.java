package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.auth.NonceCounts.Verdict;

class NonceCountsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofSeconds(300);

    private final NonceCounts counts = new NonceCounts(LIFETIME);

    @Test
    void acceptsRisingCountsAndRejectsReplays() {
        assertThat(counts.accept("n1", T0, 1, T0)).isEqualTo(Verdict.ACCEPTED);
        assertThat(counts.accept("n1", T0, 1, T0)).isEqualTo(Verdict.REPLAYED);
        assertThat(counts.accept("n1", T0, 2, T0)).isEqualTo(Verdict.ACCEPTED);
        assertThat(counts.accept("n1", T0, 1, T0)).isEqualTo(Verdict.REPLAYED);
        assertThat(counts.accept("n1", T0, 7, T0)).as("counts may skip").isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void eachNonceHasItsOwnCount() {
        counts.accept("n1", T0, 5, T0);

        assertThat(counts.accept("n2", T0, 1, T0)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void expiredNonceIsForgottenAndFreesItsMemory() {
        counts.accept("n1", T0, 1, T0);
        Instant later = T0.plus(LIFETIME).plusSeconds(1);

        assertThat(counts.accept("n1", T0, 2, later)).isEqualTo(Verdict.FORGOTTEN);
        assertThat(counts.size()).isZero();
    }

    @Test
    void fullTableForgetsTheOldestNonceAndEveryNonceIssuedBeforeIt() {
        NonceCounts small = new NonceCounts(LIFETIME, 2);
        small.accept("n1", T0, 1, T0);
        small.accept("n2", T0.plusSeconds(1), 1, T0.plusSeconds(1));
        small.accept("n3", T0.plusSeconds(2), 1, T0.plusSeconds(2));

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.accept("n1", T0, 1, T0.plusSeconds(3))).as("replay of a forgotten nonce")
                .isEqualTo(Verdict.FORGOTTEN);
        assertThat(small.accept("n0", T0, 1, T0.plusSeconds(3))).isEqualTo(Verdict.FORGOTTEN);
        assertThat(small.accept("n4", T0.plusSeconds(3), 1, T0.plusSeconds(3))).isEqualTo(Verdict.ACCEPTED);
        assertThat(small.accept("n3", T0.plusSeconds(2), 1, T0.plusSeconds(3))).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void concurrentUsesOfOneCountAcceptOnlyOne() throws Exception {
        int threads = 8;
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    start.await();
                    if (counts.accept("n1", T0, 1, T0) == Verdict.ACCEPTED) {
                        accepted.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(accepted).hasValue(1);
    }
}
