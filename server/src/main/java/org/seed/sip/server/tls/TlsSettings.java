package org.seed.sip.server.tls;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;

/**
 * The {@code sip.tls.*} keys: where SIP over TLS listens (RFC 3261 §26), with which key, and what it asks of
 * the other side.
 *
 * @param port       TLS port; 0 disables TLS
 * @param keyStore   the operator's key store, or null: a self-signed certificate is generated
 * @param trustStore certificates trusted for client authentication and outgoing connections, or null: the JVM's
 * @param protocols  TLS versions enabled, e.g. TLSv1.2 and TLSv1.3
 * @param cipherSuites cipher suites enabled; empty: the JVM's defaults
 */
public record TlsSettings(int port, StoreFile keyStore, StoreFile trustStore, ClientAuth clientAuth,
        List<String> protocols, List<String> cipherSuites) {

    public TlsSettings {
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("sip.tls.port must be 0 (off) or a port number, not " + port);
        }
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (port > 0) {
            requireSupported("sip.tls.protocols", protocols, supported().getProtocols());
            requireSupported("sip.tls.ciphers", cipherSuites, supported().getCipherSuites());
            if (protocols.isEmpty()) {
                throw new ConfigurationException("sip.tls.protocols names no protocol");
            }
        }
    }

    /** A key or trust store file as configured: path, password and type ({@code PKCS12}, {@code JKS}). */
    public record StoreFile(Path path, String password, String type) {
    }

    /** Whether a client (a phone) must present a certificate: RFC 3261 §26.3.1 leaves it to the deployment. */
    public enum ClientAuth {
        /** Not asked for: phones authenticate with digest, as most do. */
        NONE("Disabled"),
        /** Asked for, verified when given, not required. */
        WANT("Want"),
        /** Required, and verified against the trust store. */
        NEED("Enabled");

        private final String jainSipValue;

        ClientAuth(String jainSipValue) {
            this.jainSipValue = jainSipValue;
        }

        /** The value of JAIN-SIP's {@code gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE}. */
        public String jainSipValue() {
            return jainSipValue;
        }

        static ClientAuth parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("sip.tls.client.auth must be none, want or need, not '" + value + "'");
            }
        }
    }

    public static TlsSettings from(PlatformSettings settings) {
        return new TlsSettings(settings.integer("sip.tls.port"),
                storeFile(settings, "sip.tls.keystore"),
                storeFile(settings, "sip.tls.truststore"),
                ClientAuth.parse(settings.string("sip.tls.client.auth")),
                settings.list("sip.tls.protocols"),
                settings.list("sip.tls.ciphers"));
    }

    public boolean enabled() {
        return port > 0;
    }

    /** The cipher suites to enable: the configured ones, else the JVM's defaults (kept current by JDK updates). */
    public List<String> effectiveCipherSuites() {
        return cipherSuites.isEmpty() ? List.of(defaults().getCipherSuites()) : cipherSuites;
    }

    private static StoreFile storeFile(PlatformSettings settings, String key) {
        String path = settings.string(key);
        if (path.isEmpty()) {
            return null;
        }
        return new StoreFile(Paths.get(path).toAbsolutePath().normalize(), settings.string(key + ".password"),
                settings.string(key + ".type"));
    }

    private static void requireSupported(String key, List<String> values, String[] supported) {
        List<String> known = Arrays.asList(supported);
        List<String> unknown = values.stream().filter(value -> !known.contains(value)).toList();
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(key + ": not supported by this JVM: " + unknown);
        }
    }

    private static SSLParameters supported() {
        return context().getSupportedSSLParameters();
    }

    private static SSLParameters defaults() {
        return context().getDefaultSSLParameters();
    }

    private static SSLContext context() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no TLS implementation", e);
        }
    }
}
