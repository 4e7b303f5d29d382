package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.it.net.FreePorts;

/**
 * An attacker's extension scanner, sipvicious' {@code svwar}, cannot tell existing accounts from
 * missing ones: every REGISTER gets the same challenge whoever it names. (.ci/run installs sipvicious;
 * without it this test is skipped and says so.)
 */
class EnumerationIT extends PlatformTest {

    private static final Path SVWAR = Paths.get("/usr/bin/svwar");

    @TempDir
    Path directory;

    @Deployment(testable = false)
    static Archive<?> registrarAlone() {
        return Deployments.registrarAlone();
    }

    @Test
    void svwarFindsNoAccountAmongRealAndMadeUpNames() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SVWAR), "svwar (Debian package sipvicious) is not installed");
        Path dictionary = Files.writeString(directory.resolve("names.txt"), "alice\nbob\nadmin\nnobody\nghost\n");
        Path output = directory.resolve("svwar.log");

        Process svwar = new ProcessBuilder(SVWAR.toString(), "--force", "-d", dictionary.toString(),
                "-p", Integer.toString(platform.sipAddress().getPort()), "-b", "127.0.0.1",
                "-P", Integer.toString(FreePorts.udpAndTcp()), "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertThat(svwar.waitFor(120, TimeUnit.SECONDS)).as("svwar finished").isTrue();
        String report = Files.readString(output);
        assertThat(report).contains("found nothing").doesNotContain("| alice").doesNotContain("| bob");
    }
}
