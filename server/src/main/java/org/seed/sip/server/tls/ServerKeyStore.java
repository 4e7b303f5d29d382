package org.seed.sip.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The key store the TLS connector serves its certificate from, opened and checked the way JAIN-SIP will use
 * it, so that a mistake stops the start with a sentence instead of a TLS connector that fails every handshake.
 * <p>
 * JAIN-SIP opens the store itself from {@code javax.net.ssl.keyStore*} and unlocks the key with the store's
 * password, so the key must have the same password; it serves whichever key entry its key manager picks, so
 * the store must hold exactly one.
 */
public final class ServerKeyStore {

    private final TlsSettings.StoreFile file;
    private final X509Certificate certificate;

    private ServerKeyStore(TlsSettings.StoreFile file, X509Certificate certificate) {
        this.file = file;
        this.certificate = certificate;
    }

    /**
     * Opens {@code file} and checks it holds one private key, unlocked by the store's password, with an X.509
     * certificate.
     *
     * @throws TlsConfigurationException saying what is wrong, in the operator's terms
     */
    public static ServerKeyStore open(TlsSettings.StoreFile file) {
        KeyStore store = load(file, "sip.tls.keystore");
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new TlsConfigurationException("key store " + file.path() + " must hold exactly one private key"
                        + " with its certificate, not " + keys.size() + (keys.isEmpty() ? "" : " " + keys));
            }
            String alias = keys.get(0);
            if (store.getKey(alias, file.password().toCharArray()) == null) {
                throw new TlsConfigurationException("key store " + file.path() + ": entry '" + alias + "' has no private key");
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                throw new TlsConfigurationException("key store " + file.path() + ": key '" + alias
                        + "' has no X.509 certificate");
            }
            return new ServerKeyStore(file, certificate);
        } catch (UnrecoverableKeyException e) {
            throw new TlsConfigurationException("key store " + file.path() + ": the key's password differs from the"
                    + " store's (sip.tls.keystore.password); give the key the store's password");
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException("key store " + file.path() + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Loads a key or trust store as JAIN-SIP will; {@code key} is its configuration key, for the messages.
     *
     * @throws TlsConfigurationException when it cannot
     */
    static KeyStore load(TlsSettings.StoreFile file, String key) {
        String what = (key.endsWith("truststore") ? "trust store " : "key store ") + file.path();
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.type());
        } catch (KeyStoreException e) {
            throw new TlsConfigurationException(key + ".type '" + file.type() + "' is unknown to this JVM (PKCS12 or JKS)");
        }
        try (InputStream in = Files.newInputStream(file.path())) {
            store.load(in, file.password().toCharArray());
            return store;
        } catch (NoSuchFileException e) {
            throw new TlsConfigurationException(what + " does not exist (" + key + ")");
        } catch (AccessDeniedException e) {
            throw new TlsConfigurationException(what + " is not readable by this user");
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException caused by UnrecoverableKeyException
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new TlsConfigurationException(what + ": wrong password (" + key + ".password)");
            }
            throw new TlsConfigurationException(what + " is not a readable " + file.type() + " store (" + key
                    + ".type?): " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TlsConfigurationException(what + " cannot be read: " + e.getMessage());
        }
    }

    public TlsSettings.StoreFile file() {
        return file;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the certificate, {@code AB:CD:...} as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** One line for the log: subject, fingerprint, expiry. */
    public String describe() {
        return certificate.getSubjectX500Principal().getName() + ", SHA-256 fingerprint " + fingerprint()
                + ", valid until " + certificate.getNotAfter().toInstant() + " (" + file.path() + ", "
                + file.type().toUpperCase(Locale.ROOT) + ")";
    }
}
