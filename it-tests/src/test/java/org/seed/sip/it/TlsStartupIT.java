package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.it.net.FreePorts;
import org.seed.sip.server.tls.CertificateNames;
import org.seed.sip.server.tls.GeneratedKeyStore;

/**
 * A platform that cannot serve TLS as configured does not start: it exits with status 1 and says why, instead
 * of running with a TLS connector that refuses every handshake, or none.
 */
class TlsStartupIT {

    private static final long EXIT_TIMEOUT_SECONDS = 90;

    @TempDir
    Path directory;

    private Process platform;

    @AfterEach
    void stopPlatform() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroyForcibly().waitFor();
        }
    }

    @Test
    void wrongKeyStorePasswordStopsTheStart() throws Exception {
        Path keyStore = directory.resolve("server.p12");
        Files.write(keyStore, generatedKeyStore());

        Path log = start(List.of("-Dsip.tls.port=" + FreePorts.tcp(), "-Dsip.tls.keystore=" + keyStore,
                "-Dsip.tls.keystore.password=not-the-password"));

        assertThat(platform.exitValue()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("platform did not start: the SIP container did not start: key store "
                + keyStore + ": wrong password (sip.tls.keystore.password)");
    }

    @Test
    void missingKeyStoreStopsTheStart() throws Exception {
        Path keyStore = directory.resolve("absent.p12");

        Path log = start(List.of("-Dsip.tls.port=" + FreePorts.tcp(), "-Dsip.tls.keystore=" + keyStore,
                "-Dsip.tls.keystore.password=secret"));

        assertThat(platform.exitValue()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("key store " + keyStore + " does not exist (sip.tls.keystore)");
    }

    @Test
    void tlsPortInUseStopsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path log = start(List.of("-Dsip.tls.port=" + taken.getLocalPort()));

            assertThat(platform.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("cannot listen on [127.0.0.1:" + taken.getLocalPort() + "/tls]");
        }
    }

    /** A good key store, as the platform generates it. */
    private byte[] generatedKeyStore() throws IOException {
        Path data = directory.resolve("first-run");
        GeneratedKeyStore.inDataDirectory(data).ensure(CertificateNames.of(List.of("127.0.0.1")));
        return Files.readAllBytes(data.resolve("tls/keystore.p12"));
    }

    private Path start(List<String> options) throws IOException, InterruptedException {
        int sipPort = FreePorts.udpAndTcp();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dplatform.home=" + System.getProperty("it.platform.home"));
        command.add("-Ddata.dir=" + directory.resolve("data"));
        command.add("-Dsip.udp.port=" + sipPort);
        command.add("-Dsip.tcp.port=" + sipPort);
        command.add("-Dhttp.port=" + FreePorts.tcp());
        command.addAll(options);
        command.add("-jar");
        command.add(System.getProperty("it.server.jar"));
        command.add("--ear");
        command.add(Paths.get(System.getProperty("it.deployments.dir"), "sip-platform.ear").toString());
        Path log = directory.resolve("platform.log");
        platform = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(platform.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("exited within %ds", EXIT_TIMEOUT_SECONDS)
                .isTrue();
        return log;
    }
}
