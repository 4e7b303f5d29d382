package org.seed.sip.it.arquillian;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.seed.sip.it.net.FreePorts;
import org.seed.sip.server.OptionsProbe;

/**
 * The platform under test, in a JVM of its own started exactly as {@code bin/sip-platform} starts it
 * ({@code java -jar server.jar --ear ...}), on free loopback ports and a data directory of its own. A test
 * can restart it, or kill it the hard way, and find its data again.
 */
public final class PlatformProcess implements RunningPlatform {

    private static final String HOST = "127.0.0.1";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final SipPlatformConfiguration configuration;
    private final Path archive;
    private final Path dataDirectory;
    private final Path log;
    private final int sipPort = FreePorts.udpAndTcp();
    private final int sipsPort = FreePorts.tcp();
    private final int httpPort = FreePorts.tcp();
    private final Map<String, String> overrides;
    private Process process;

    PlatformProcess(SipPlatformConfiguration configuration, Path archive, Path runDirectory,
            Map<String, String> overrides) {
        this.configuration = configuration;
        this.archive = archive;
        this.overrides = Map.copyOf(overrides);
        this.dataDirectory = runDirectory.resolve("data");
        this.log = runDirectory.resolve("platform.log");
    }

    void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(configuration.getJavaOptions().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.add("-Dplatform.home=" + configuration.platformHomePath());
        command.add("-Ddata.dir=" + dataDirectory);
        command.add("-Dsip.address=" + HOST);
        command.add("-Dsip.udp.port=" + sipPort);
        command.add("-Dsip.tcp.port=" + sipPort);
        command.add("-Dsip.tls.port=" + sipsPort);
        command.add("-Dhttp.address=" + HOST);
        command.add("-Dhttp.port=" + httpPort);
        command.add("-Dbootstrap.admin.password=" + ADMIN_PASSWORD);
        command.add("-Dbootstrap.demo.password=" + DEMO_PASSWORD);
        overrides.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(configuration.serverJarPath().toString());
        command.add("--ear");
        command.add(archive.toString());
        try {
            Files.createDirectories(dataDirectory);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the platform: " + e.getMessage(), e);
        }
    }

    private void awaitReady() throws IOException {
        Duration timeout = Duration.ofSeconds(configuration.getStartTimeoutSeconds());
        int status = new OptionsProbe(HOST, sipPort).awaitAnswer(timeout);
        if (status != 200 || !process.isAlive()) {
            String exit = process.isAlive() ? "still running" : "exited with " + process.exitValue();
            destroy(true);
            throw new IllegalStateException("platform not ready within " + timeout + " (OPTIONS answered " + status
                    + ", process " + exit + "); its log: " + log);
        }
    }

    /** SIGTERM, as an operator stops it; waits until the process is gone. */
    void stop() {
        destroy(false);
    }

    private void destroy(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public InetSocketAddress sipAddress() {
        return new InetSocketAddress(HOST, sipPort);
    }

    @Override
    public InetSocketAddress sipsAddress() {
        return new InetSocketAddress(HOST, sipsPort);
    }

    @Override
    public Path tlsCertificate() {
        return dataDirectory.resolve("tls").resolve("certificate.pem");
    }

    @Override
    public String httpBaseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:h2:file:" + dataDirectory.resolve("platform") + ";AUTO_SERVER=TRUE";
    }

    @Override
    public Path logFile() {
        return log;
    }

    @Override
    public void restart() {
        stop();
        start();
    }

    @Override
    public void killAndRestart() {
        destroy(true);
        start();
    }
}
