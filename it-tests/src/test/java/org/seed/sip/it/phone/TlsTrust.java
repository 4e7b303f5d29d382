package org.seed.sip.it.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Properties;

/**
 * The TLS side of a test phone's JAIN-SIP stack: a trust store holding one certificate, so the phone accepts
 * the platform's server and nothing else, as a phone configured with the platform's certificate does.
 */
final class TlsTrust {

    private static final String PASSWORD = "phone-trust";

    private TlsTrust() {
    }

    /** JAIN-SIP stack properties that trust {@code certificatePem} only and speak TLS 1.2 or 1.3. */
    static Properties trusting(Path certificatePem) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("platform", read(certificatePem));
        Path file = Files.createTempFile("phone-trust", ".p12");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        Properties properties = new Properties();
        // JAIN-SIP's blocking TLS transport takes its socket factories from a key store and a trust store; a
        // phone has no key, so its trust store serves as the (empty) key store
        properties.setProperty("javax.net.ssl.keyStore", file.toString());
        properties.setProperty("javax.net.ssl.keyStorePassword", PASSWORD);
        properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        properties.setProperty("javax.net.ssl.trustStore", file.toString());
        properties.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        properties.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        // a phone has no certificate of its own, and JAIN-SIP's defaults (TLS 1.0-1.2, suites of 2005) are
        // not what a phone of today offers
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        return properties;
    }

    private static X509Certificate read(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
