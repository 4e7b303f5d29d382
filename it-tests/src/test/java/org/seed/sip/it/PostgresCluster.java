package org.seed.sip.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (Debian's server binaries, a temporary data directory, a free
 * loopback port), run as the {@code postgres} user, which the test stops and starts under the platform as
 * an operator restarting the database would. Needs root (to run as {@code postgres}) and the server
 * package; .ci/run has both.
 */
final class PostgresCluster implements DatabaseOutageScenario.StoppableDatabase {

    private static final Path SERVERS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path directory;
    private final int port;

    private PostgresCluster(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** Whether this machine can run one: the server binaries are installed and the test runs as root. */
    static boolean canRun() {
        return "root".equals(System.getProperty("user.name")) && newestServer().isPresent()
                && Files.isExecutable(Path.of("/usr/sbin/runuser"));
    }

    /** Creates the cluster with a database {@code sip} owned by a user {@code sip} (password sip), and starts it. */
    static PostgresCluster create(int port) throws IOException {
        Path directory = Files.createTempDirectory("postgres-outage-it");
        PostgresCluster cluster = new PostgresCluster(newestServer().orElseThrow(), directory, port);
        run("chown", "postgres", directory.toString());
        cluster.asPostgres("initdb", "-D", cluster.data(), "-A", "trust", "-U", "postgres", "--no-sync");
        cluster.start();
        cluster.asPostgres("psql", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-q",
                "-c", "CREATE ROLE sip LOGIN PASSWORD 'sip'", "-c", "CREATE DATABASE sip OWNER sip");
        return cluster;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/sip";
    }

    @Override
    public void start() {
        asPostgres("pg_ctl", "-D", data(), "-w", "-l", directory.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Fast shutdown: the server ends every session (FATAL 57P01) and refuses connections until started again. */
    @Override
    public void stop() {
        asPostgres("pg_ctl", "-D", data(), "-w", "-m", "fast", "stop");
    }

    /** Stops the server if it runs and removes its files. */
    void destroy() throws IOException {
        if (Files.exists(Path.of(data(), "postmaster.pid"))) {
            stop();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void asPostgres(String program, String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "postgres", "--",
                bin.resolve(program).toString()));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> newestServer() {
        if (!Files.isDirectory(SERVERS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(SERVERS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D.*", ""))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
