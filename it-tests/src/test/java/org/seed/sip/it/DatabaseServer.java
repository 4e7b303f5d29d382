package org.seed.sip.it;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.tools.Server;

/**
 * An H2 database server in the test's JVM that the platform under test uses over TCP, so that a test can
 * stop the platform's database under it and start it again on the same port and files, as an operator
 * restarting a database server would.
 */
final class DatabaseServer implements DatabaseOutageScenario.StoppableDatabase {

    private final int port;
    private final Path directory;
    private Server server;

    DatabaseServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/platform";
    }

    @Override
    public void start() {
        try {
            // -ifNotExists: the platform's first connection creates the database, as on a fresh install
            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", directory.toString(),
                    "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the H2 server on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server: its connections are closed, new ones refused, until {@link #start()}. */
    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
