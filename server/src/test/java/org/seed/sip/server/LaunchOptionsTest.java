package org.seed.sip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.server.PlatformLauncher.LaunchOptions;

class LaunchOptionsTest {

    @TempDir
    Path directory;

    @Test
    void takesConfigAndSeveralArchives() throws IOException {
        Path config = Files.createFile(directory.resolve("site.properties"));
        Path ear = Files.createFile(directory.resolve("platform.ear"));
        Path war = Files.createFile(directory.resolve("extra.war"));

        LaunchOptions options = LaunchOptions.parse(new String[] {"--config", config.toString(), "--ear", ear.toString(),
            "--ear", war.toString()});

        assertThat(options.configFile()).isEqualTo(config);
        assertThat(options.archives()).containsExactly(ear, war);
    }

    @Test
    void missingFileIsAReadableError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--ear", directory.resolve("nope.ear").toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.ear: no such file");
    }

    @Test
    void optionWithoutValueIsAnError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--config"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--config needs a file name");
    }

    @Test
    void unknownArgumentIsAnError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--port", "5060"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown argument '--port'");
    }

    @Test
    void noArchiveIsAnError() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no application archive");
    }

    @Test
    void helpNeedsNothingElse() {
        assertThat(LaunchOptions.parse(new String[] {"--help"}).help()).isTrue();
    }
}
