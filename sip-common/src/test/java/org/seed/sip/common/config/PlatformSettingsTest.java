package org.seed.sip.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaultsComeFromTheDocumentedFile() {
        PlatformSettings settings = PlatformSettings.load(null, Map.of(), new Properties());

        assertThat(settings.integer("sip.udp.port")).isEqualTo(5060);
        assertThat(settings.list("sip.domains")).containsExactly("127.0.0.1", "localhost");
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsTheFile() throws IOException {
        Path file = Files.writeString(directory.resolve("site.properties"), "sip.udp.port=5070\nsip.tcp.port=5071\nhttp.port=8081\n");
        Properties system = new Properties();
        system.setProperty("sip.udp.port", "5090");

        PlatformSettings settings = PlatformSettings.load(file, Map.of("SIP_UDP_PORT", "5080", "SIP_TCP_PORT", "5081"), system);

        assertThat(settings.integer("sip.udp.port")).isEqualTo(5090);
        assertThat(settings.integer("sip.tcp.port")).isEqualTo(5081);
        assertThat(settings.integer("http.port")).isEqualTo(8081);
    }

    @Test
    void referencesAreResolvedAfterOverrides() {
        Properties system = new Properties();
        system.setProperty("platform.home", "/opt/sip");

        PlatformSettings settings = PlatformSettings.load(null, Map.of(), system);

        assertThat(settings.string("db.url")).isEqualTo("jdbc:h2:file:/opt/sip/data/platform;AUTO_SERVER=TRUE");
    }

    @Test
    void malformedNumberNamesTheKey() {
        Properties system = new Properties();
        system.setProperty("sip.udp.port", "five");

        PlatformSettings settings = PlatformSettings.load(null, Map.of(), system);

        assertThatThrownBy(() -> settings.integer("sip.udp.port"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sip.udp.port");
    }

    @Test
    void missingFileIsAReadableError() {
        assertThatThrownBy(() -> PlatformSettings.load(directory.resolve("nope.properties"), Map.of(), new Properties()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope.properties");
    }

    @Test
    void unknownReferenceIsReported() throws IOException {
        Path file = Files.writeString(directory.resolve("site.properties"), "db.url=${no.such.key}/x\n");

        assertThatThrownBy(() -> PlatformSettings.load(file, Map.of(), new Properties()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no.such.key");
    }

    @Test
    void nodeIdIsTheConfiguredNameOrElseTheHostName() throws IOException {
        Properties named = new Properties();
        named.setProperty("platform.node.id", "node-2");

        assertThat(PlatformSettings.load(null, Map.of(), named).nodeId()).isEqualTo("node-2");
        assertThat(PlatformSettings.load(null, Map.of(), new Properties()).nodeId())
                .isEqualTo(InetAddress.getLocalHost().getHostName());
    }
}
