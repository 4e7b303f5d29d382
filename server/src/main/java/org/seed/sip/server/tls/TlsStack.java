package org.seed.sip.server.tls;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What the SIP stack needs for its TLS connector, from {@link TlsSettings}.
 * <p>
 * Restcomm's {@code SipProtocolHandler} has no TLS settings of its own: a connector with transport {@code tls}
 * asks JAIN-SIP for a TLS listening point, and JAIN-SIP (1.3.0-91, {@code DefaultSecurityManagerProvider})
 * builds its key and trust managers from the stack properties {@code javax.net.ssl.keyStore*} and
 * {@code javax.net.ssl.trustStore*} (no trust store: the JVM's), its server-side client authentication from
 * {@code gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE} (absent means {@code Enabled}: a certificate required from
 * every phone), and the protocols and cipher suites of every TLS connection, accepted or opened, from
 * {@code TLS_CLIENT_PROTOCOLS} and {@code ENABLED_CIPHER_SUITES} (absent: TLS 1.0 to 1.2 and four suites of
 * 2005, two of them anonymous). All of them are therefore always set here.
 */
public final class TlsStack {

    private final TlsSettings settings;
    private final ServerKeyStore keyStore;

    private TlsStack(TlsSettings settings, ServerKeyStore keyStore) {
        this.settings = settings;
        this.keyStore = keyStore;
    }

    /**
     * Opens and checks the key store to serve (the operator's, or the generated one in {@code dataDirectory}
     * for {@code names}) and the trust store.
     *
     * @throws TlsConfigurationException when either cannot be used
     */
    public static TlsStack prepare(TlsSettings settings, Path dataDirectory, CertificateNames names) {
        ServerKeyStore keyStore = settings.keyStore() != null
                ? ServerKeyStore.open(settings.keyStore())
                : GeneratedKeyStore.inDataDirectory(dataDirectory).ensure(names);
        if (settings.trustStore() != null) {
            ServerKeyStore.load(settings.trustStore(), "sip.tls.truststore");
        }
        return new TlsStack(settings, keyStore);
    }

    public ServerKeyStore keyStore() {
        return keyStore;
    }

    /** Adds the TLS properties to JAIN-SIP's {@code stack} properties. */
    public void configure(Properties stack) {
        TlsSettings.StoreFile key = keyStore.file();
        stack.setProperty("javax.net.ssl.keyStore", key.path().toString());
        stack.setProperty("javax.net.ssl.keyStorePassword", key.password());
        stack.setProperty("javax.net.ssl.keyStoreType", key.type());
        TlsSettings.StoreFile trust = settings.trustStore();
        if (trust != null) {
            stack.setProperty("javax.net.ssl.trustStore", trust.path().toString());
            stack.setProperty("javax.net.ssl.trustStorePassword", trust.password());
            stack.setProperty("javax.net.ssl.trustStoreType", trust.type());
        }
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", settings.clientAuth().jainSipValue());
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", settings.protocols()));
        stack.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", settings.effectiveCipherSuites()));
    }
}
