package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 3261 §10.3: once save() returns, the 200 OK may leave, so the binding must survive a crash. */
class ProcessCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void bindingsSavedJustBeforeTheProcessDiesAreStillThere() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SaveThenDie.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("child.log").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).isZero();

        try (Store store = Store.open(TestDatabases.h2(dataDir))) {
            assertThat(store.bindings().current("sip:alice@example.com", Instant.now())).hasSize(1);
            for (int i = 0; i < SaveThenDie.AORS; i++) {
                assertThat(store.bindings().current(SaveThenDie.aor(i), Instant.now())).as(SaveThenDie.aor(i)).hasSize(1);
            }
        }
    }
}
