package org.seed.sip.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Tells HikariCP which H2 errors mean the connection is dead. HikariCP drops a connection on SQL state
 * class 08 (connection exception), but H2 reports a database server that stopped, or a database closed
 * under its sessions, with codes of its own as the state: such a connection stayed in the pool and failed
 * every request it served after the database was back, unless it happened to be idle long enough to be
 * checked first.
 */
final class H2BrokenConnections implements SQLExceptionOverride {

    private static final Set<Integer> CONNECTION_GONE = Set.of(ErrorCode.CONNECTION_BROKEN_1,
            ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException failure) {
        return CONNECTION_GONE.contains(failure.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
