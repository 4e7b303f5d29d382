package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.it.net.FreePorts;
import org.seed.sip.server.OptionsProbe;

/**
 * README's start command, {@code bin/sip-platform --config FILE}, as an operator runs it: it starts the
 * EAR, answers SIP, and stops cleanly on SIGTERM; bad arguments get a readable error.
 */
class LauncherScriptIT {

    private static final Path SCRIPT = Paths.get(System.getProperty("it.platform.home", ".."), "bin", "sip-platform");

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
    void startsWithAConfigFileAndStopsOnSigterm() throws IOException, InterruptedException {
        int sipPort = FreePorts.udpAndTcp();
        Path config = Files.writeString(directory.resolve("site.properties"), String.join("\n",
                "sip.udp.port=" + sipPort,
                "sip.tcp.port=" + sipPort,
                "http.port=" + FreePorts.tcp(),
                "data.dir=" + directory.resolve("data"),
                "bootstrap.admin.password=launcher-admin",
                "bootstrap.demo.password=launcher-demo", ""));
        Path log = directory.resolve("platform.log");

        platform = new ProcessBuilder("bash", SCRIPT.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(new OptionsProbe("127.0.0.1", sipPort).awaitAnswer(Duration.ofSeconds(90))).isEqualTo(200);
        // the platform's own probe logs its line a moment after ours is answered
        Await.until("the ready line logged", Duration.ofSeconds(30),
                () -> Files.readString(log).contains("ready: first 200 OK to OPTIONS"));

        platform.destroy();
        assertThat(platform.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
        assertThat(Files.readString(log)).contains("stopped");
        assertThat(new OptionsProbe("127.0.0.1", sipPort).awaitAnswer(Duration.ofSeconds(1))).isEqualTo(-1);
    }

    @Test
    void unknownArgumentIsRefusedWithUsage() throws IOException, InterruptedException {
        Path log = directory.resolve("usage.log");

        platform = new ProcessBuilder("bash", SCRIPT.toString(), "--bogus")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(platform.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(platform.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("unknown argument '--bogus'").contains("usage: sip-platform");
    }
}
