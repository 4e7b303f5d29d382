package org.seed.sip.it;

import java.io.IOException;
import java.nio.file.Files;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.seed.sip.it.net.FreePorts;

/** {@link DatabaseOutageScenario} on the embedded database's engine, H2, run as a server over TCP. */
class StoreOutageIT extends DatabaseOutageScenario {

    private static DatabaseServer database;

    @Deployment(testable = false)
    static Archive<?> registrarOnAnH2Server() throws IOException {
        // the platform starts with its deployment, so its database must be up before
        database = new DatabaseServer(FreePorts.tcp(), Files.createTempDirectory("store-outage-it"));
        database.start();
        return registrarOn(database);
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    @Override
    protected StoppableDatabase database() {
        return database;
    }
}
