package org.seed.sip.it;

import java.io.IOException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.seed.sip.it.net.FreePorts;

/**
 * {@link DatabaseOutageScenario} on PostgreSQL: a cluster of the test's own is stopped (fast shutdown) under
 * the running platform and started again. Skipped where it cannot run (no PostgreSQL server, not root).
 */
@EnabledIf(value = "org.seed.sip.it.PostgresCluster#canRun",
        disabledReason = "needs root and Debian's postgresql server package (.ci/run has both)")
class PostgresOutageIT extends DatabaseOutageScenario {

    private static PostgresCluster database;

    @Deployment(testable = false)
    static Archive<?> registrarOnPostgres() throws IOException {
        // the platform starts with its deployment, so its database must be up before
        database = PostgresCluster.create(FreePorts.tcp());
        return registrarOn(database);
    }

    @AfterAll
    static void removeDatabase() throws IOException {
        if (database != null) {
            database.destroy();
        }
    }

    @Override
    protected StoppableDatabase database() {
        return database;
    }
}
