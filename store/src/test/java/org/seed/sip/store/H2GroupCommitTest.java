package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class H2GroupCommitTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(20);
    private final AtomicInteger checkpoints = new AtomicInteger();
    private final CountDownLatch firstCheckpointMayEnd = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void commitsThatArriveDuringACheckpointShareTheNextOne() throws Exception {
        H2GroupCommit groupCommit = new H2GroupCommit(database(() -> { }));
        Future<?> first = threads.submit(groupCommit::awaitDurable);
        waitFor(() -> checkpoints.get() == 1);

        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            waiting.add(threads.submit(groupCommit::awaitDurable));
        }
        Thread.sleep(200);
        assertThat(waiting).noneMatch(Future::isDone);
        firstCheckpointMayEnd.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> each : waiting) {
            each.get(10, TimeUnit.SECONDS);
        }
        assertThat(checkpoints.get()).isEqualTo(2);
    }

    @Test
    void aFailedCheckpointFailsEveryCommitWaitingForIt() {
        firstCheckpointMayEnd.countDown();
        H2GroupCommit groupCommit = new H2GroupCommit(database(() -> {
            throw new SQLException("No space left on device");
        }));

        assertThatThrownBy(groupCommit::awaitDurable)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No space left on device");
    }

    private interface ConnectionCheck {
        void check() throws SQLException;
    }

    /** An in-memory H2 database whose connections count checkpoints; the first waits for the test. */
    private DataSource database(ConnectionCheck check) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (checkpoints.incrementAndGet() == 1) {
                        firstCheckpointMayEnd.await(10, TimeUnit.SECONDS);
                    }
                    check.check();
                    return DriverManager.getConnection("jdbc:h2:mem:group-commit", "sa", "");
                });
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
