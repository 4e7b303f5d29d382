package org.seed.sip.kit.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.OptionalInt;

import javax.persistence.LockTimeoutException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.seed.sip.store.StoreException;
import org.seed.sip.store.StoreFailures;

class FailurePolicyTest {

    private final FailurePolicy policy = new FailurePolicy(StoreFailures::isStoreFailure, 10);

    @Test
    void aPoolWithNoConnectionWithinTheTimeoutIsAStoreFailureAnswered503WithRetryAfter() {
        // what Hibernate throws when HikariCP gives up waiting for a connection (database down)
        RuntimeException failure = new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLTransientConnectionException("sip-store - Connection is not available, request timed out after 3000ms"));

        FailureAnswer answer = policy.answer(failure);

        assertThat(answer).isEqualTo(new FailureAnswer(503, "Service Unavailable", OptionalInt.of(10), true));
        assertThat(policy.describe(failure)).isEqualTo("sip-store - Connection is not available, request timed out after 3000ms");
    }

    @Test
    void theLogSaysTheDatabasesReasonOnOneLine() {
        RuntimeException failure = new javax.persistence.PessimisticLockException("could not execute statement",
                new java.sql.SQLTimeoutException("Timeout trying to lock table \"BINDINGS\"; SQL statement:\n"
                        + "update bindings set expires_at=? where id=? [50200-232]"));

        assertThat(policy.describe(failure)).isEqualTo("Timeout trying to lock table \"BINDINGS\"; SQL statement:");
    }

    @Test
    void aLockTimeoutIsAStoreFailure() {
        assertThat(policy.answer(new IllegalStateException(new LockTimeoutException("lock not free within 3000 ms")))
                .status()).isEqualTo(503);
    }

    @Test
    void aFailedGroupCommitIsAStoreFailure() {
        assertThat(policy.answer(new StoreException("CHECKPOINT failed: Database is already closed", null)).status())
                .isEqualTo(503);
    }

    @Test
    void anythingElseIsAnInternalErrorWithAFixedReasonPhrase() {
        FailureAnswer answer = policy.answer(new NullPointerException("Cannot invoke \"javax.sip.address.URI.toString()\""));

        assertThat(answer).isEqualTo(new FailureAnswer(500, "Server Internal Error", OptionalInt.empty(), false));
    }
}
