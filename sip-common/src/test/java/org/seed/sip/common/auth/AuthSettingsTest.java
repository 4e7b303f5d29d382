package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.config.PlatformSettings;

class AuthSettingsTest {

    @Test
    void defaultsComeFromTheDocumentedFile() {
        AuthSettings settings = AuthSettings.from(PlatformSettings.load(null));

        assertThat(settings).isEqualTo(new AuthSettings(Duration.ofSeconds(300), "", 5, Duration.ofSeconds(60),
                Duration.ofSeconds(300)));
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
