package org.seed.sip.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;

class TlsSettingsTest {

    @TempDir
    Path directory;

    @Test
    void defaultsListenOn5061WithAGeneratedKeyAndNoClientCertificates() {
        TlsSettings tls = TlsSettings.from(settings(Map.of()));

        assertThat(tls.port()).isEqualTo(5061);
        assertThat(tls.enabled()).isTrue();
        assertThat(tls.keyStore()).isNull();
        assertThat(tls.trustStore()).isNull();
        assertThat(tls.clientAuth()).isEqualTo(TlsSettings.ClientAuth.NONE);
        assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(tls.effectiveCipherSuites()).contains("TLS_AES_128_GCM_SHA256")
                .doesNotContain("SSL_DH_anon_WITH_3DES_EDE_CBC_SHA");
    }

    @Test
    void portZeroTurnsTlsOff() {
        assertThat(TlsSettings.from(settings(Map.of("sip.tls.port", "0"))).enabled()).isFalse();
    }

    @Test
    void configuredStoresCarryTheirPasswordAndType() {
        TlsSettings tls = TlsSettings.from(settings(Map.of("sip.tls.keystore", "/etc/sip/server.jks",
                "sip.tls.keystore.password", "secret", "sip.tls.keystore.type", "JKS",
                "sip.tls.truststore", "/etc/sip/clients.p12", "sip.tls.client.auth", "Need")));

        assertThat(tls.keyStore()).isEqualTo(new TlsSettings.StoreFile(Path.of("/etc/sip/server.jks"),
                "secret", "JKS"));
        assertThat(tls.trustStore().type()).isEqualTo("PKCS12");
        assertThat(tls.clientAuth().jainSipValue()).isEqualTo("Enabled");
    }

    @Test
    void unknownClientAuthModeIsRefused() {
        assertThatThrownBy(() -> TlsSettings.from(settings(Map.of("sip.tls.client.auth", "maybe"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("sip.tls.client.auth must be none, want or need, not 'maybe'");
    }

    @Test
    void protocolsAndSuitesTheJvmLacksAreRefused() {
        assertThatThrownBy(() -> TlsSettings.from(settings(Map.of("sip.tls.protocols", "TLSv1.2,TLSv9"))))
                .hasMessage("sip.tls.protocols: not supported by this JVM: [TLSv9]");
        assertThatThrownBy(() -> TlsSettings.from(settings(Map.of("sip.tls.ciphers", "TLS_NULL_WITH_MAGIC"))))
                .hasMessage("sip.tls.ciphers: not supported by this JVM: [TLS_NULL_WITH_MAGIC]");
    }

    @Test
    void configuredSuitesReplaceTheJvmDefaults() {
        TlsSettings tls = TlsSettings.from(settings(Map.of("sip.tls.ciphers", "TLS_AES_256_GCM_SHA384")));

        assertThat(tls.effectiveCipherSuites()).isEqualTo(List.of("TLS_AES_256_GCM_SHA384"));
    }

    private PlatformSettings settings(Map<String, String> keys) {
        Properties file = new Properties();
        keys.forEach(file::setProperty);
        Path config = directory.resolve("site.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            file.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PlatformSettings.load(config);
    }
}
