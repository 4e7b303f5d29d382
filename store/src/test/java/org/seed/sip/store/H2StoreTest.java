package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingChanges;
import org.seed.sip.store.binding.BindingRepository;

/** The store's behaviour on the default database: an H2 file database, opened as the platform opens it. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected StoreSettings settings() {
        return TestDatabases.h2(dataDir);
    }

    /**
     * On H2 the AOR is locked in the process only, so the expiry purge can delete a binding a registration
     * has read (on PostgreSQL the row lock makes the purge wait instead).
     */
    @Test
    void registrationRacingTheExpiryPurgeDecidesAgain() {
        Instant now = Instant.now();
        String contact = "sip:alice@192.0.2.10";
        store.bindings().save(binding(contact, now.minusSeconds(1)).build());
        AtomicInteger decisions = new AtomicInteger();

        BindingRepository.Changed<Integer> changed = store.bindings().change(ALICE, now, stored -> {
            if (decisions.incrementAndGet() == 1) {
                assertThat(store.bindings().purgeExpired(now)).hasSize(1);
            }
            return new BindingChanges<>(List.of(binding(contact, now.plusSeconds(600)).build()), List.of(), false,
                    stored.size());
        });

        assertThat(decisions).hasValue(2);
        assertThat(changed.result()).as("bindings seen by the second decision").isZero();
        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::getContactUri).containsExactly(contact);
    }

    /** db.timeout (3 s by default) bounds the wait for a row another connection holds (H2 LOCK_TIMEOUT). */
    @Test
    void aChangeBlockedByAnotherConnectionsLockFailsAfterTheTimeout() throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).build());
        try (Connection other = DriverManager.getConnection(TestDatabases.h2Url(dataDir), "sip", "sip")) {
            other.setAutoCommit(false);
            lockBindingsOf(other, ALICE);

            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> refresh(now));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(StoreFailures.isStoreFailure(failure)).as("a store failure: %s", failure).isTrue();
            assertThat(waited).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(8));
            other.rollback();
        }
        refresh(now);
        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::getExpiresAt)
                .containsExactly(now.plusSeconds(1200));
    }

    /** The in-process AOR lock is bounded by the same timeout: no REGISTER queues forever behind a stuck one. */
    @Test
    void aChangeOfAnAorBusyInAnotherChangeFailsAfterTheTimeout() throws Exception {
        Instant now = Instant.now();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stuck = CompletableFuture.runAsync(() -> store.bindings().change(ALICE, now, stored -> {
            holding.countDown();
            awaitQuietly(release);
            return new BindingChanges<>(List.of(), List.of(), false, 0);
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> refresh(now));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        release.countDown();
        stuck.get(10, TimeUnit.SECONDS);

        assertThat(StoreFailures.isStoreFailure(failure)).as("a store failure: %s", failure).isTrue();
        assertThat(waited).isBetween(Duration.ofMillis(2_500), Duration.ofSeconds(8));
    }

    private void refresh(Instant now) {
        store.bindings().change(ALICE, now, stored -> new BindingChanges<>(
                List.of(binding("sip:alice@192.0.2.10", now.plusSeconds(1200)).build()), List.of(), false, 0));
    }

    private static void lockBindingsOf(Connection connection, String aor) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT * FROM bindings WHERE aor = ? FOR UPDATE")) {
            lock.setString(1, aor);
            lock.executeQuery().close();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
