package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class H2BrokenConnectionsTest {

    private final H2BrokenConnections override = new H2BrokenConnections();

    @Test
    void aConnectionToAStoppedDatabaseServerLeavesThePool() {
        assertThat(override.adjudicate(h2Error(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN))).isEqualTo(Override.MUST_EVICT);
        assertThat(override.adjudicate(h2Error(ErrorCode.CONNECTION_BROKEN_1))).isEqualTo(Override.MUST_EVICT);
        assertThat(override.adjudicate(h2Error(ErrorCode.DATABASE_IS_CLOSED))).isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void aLockTimeoutLeavesTheConnectionToHikarisOwnRules() {
        assertThat(override.adjudicate(h2Error(ErrorCode.LOCK_TIMEOUT_1))).isEqualTo(Override.CONTINUE_EVICT);
    }

    private static SQLException h2Error(int code) {
        return new SQLException("H2 error " + code, Integer.toString(code), code);
    }
}
