package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.config.PlatformSettings;

class AuthSettingsTest {

    @Test
    void defaultsComeFromTheDocumentedFile() {
        AuthSettings settings = AuthSettings.from(PlatformSettings.load(null));

        assertThat(settings).isEqualTo(new AuthSettings(Duration.ofSeconds(300), "", 5, Duration.ofSeconds(60),
                Duration.ofSeconds(300), List.of(DigestAlgorithm.MD5)));
    }

    @Test
    void sha256IsOfferedFirstWhenConfigured(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("platform.properties"), "auth.algorithms=SHA-256,MD5\n");

        AuthSettings settings = AuthSettings.from(PlatformSettings.load(config));

        assertThat(settings.algorithms()).containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    }

    @Test
    void secretIsNeverPrinted() {
        AuthSettings settings = new AuthSettings(Duration.ofSeconds(300), "correct horse battery staple", 5,
                Duration.ofSeconds(60), Duration.ofSeconds(300));

        assertThat(settings.toString()).doesNotContain("horse");
    }

    @Test
    void shortSecretIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new AuthSettings(Duration.ofSeconds(300), "short", 5, Duration.ofSeconds(60),
                Duration.ofSeconds(300))).hasMessageContaining("auth.nonce.secret");
    }

    @Test
    void zeroLifetimeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new AuthSettings(Duration.ZERO, "", 5, Duration.ofSeconds(60), Duration.ofSeconds(300)))
                .hasMessageContaining("auth.nonce.lifetime");
    }
}
