package org.seed.sip.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's key store is checked at start, and each mistake is named. */
class ServerKeyStoreTest {

    private static final SelfSignedCertificate.Issued SERVER = SelfSignedCertificate.issue(
            CertificateNames.of(List.of("sip.example.com")), Instant.now(), new SecureRandom());

    @TempDir
    Path directory;

    @Test
    void aStoreWithOneKeyIsServedAndDescribed() throws Exception {
        Path file = store("PKCS12", "secret", "secret", "server");

        ServerKeyStore opened = ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "PKCS12"));

        assertThat(opened.certificate()).isEqualTo(SERVER.certificate());
        assertThat(opened.describe()).contains("CN=sip.example.com").contains(opened.fingerprint());
    }

    @Test
    void aJksStoreIsReadAsWell() throws Exception {
        Path file = store("JKS", "secret", "secret", "server");

        assertThat(ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "JKS")).certificate())
                .isEqualTo(SERVER.certificate());
    }

    @Test
    void wrongPasswordIsNamed() throws Exception {
        Path file = store("PKCS12", "secret", "secret", "server");

        assertThatThrownBy(() -> ServerKeyStore.open(new TlsSettings.StoreFile(file, "guess", "PKCS12")))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("key store " + file + ": wrong password (sip.tls.keystore.password)");
    }

    @Test
    void missingFileIsNamed() {
        Path file = directory.resolve("absent.p12");

        assertThatThrownBy(() -> ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "PKCS12")))
                .hasMessage("key store " + file + " does not exist (sip.tls.keystore)");
    }

    @Test
    void aFileOfAnotherTypeIsNamed() throws Exception {
        Path file = Files.writeString(directory.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\n");

        assertThatThrownBy(() -> ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "PKCS12")))
                .hasMessageStartingWith("key store " + file + " is not a readable PKCS12 store (sip.tls.keystore.type?)");
    }

    @Test
    void anUnknownTypeIsNamed() throws Exception {
        Path file = store("PKCS12", "secret", "secret", "server");

        assertThatThrownBy(() -> ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "PEM")))
                .hasMessage("sip.tls.keystore.type 'PEM' is unknown to this JVM (PKCS12 or JKS)");
    }

    @Test
    void aKeyWithAnotherPasswordThanTheStoreIsRefused() throws Exception {
        Path file = store("JKS", "secret", "other", "server");

        assertThatThrownBy(() -> ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "JKS")))
                .hasMessageContaining("the key's password differs from the store's");
    }

    @Test
    void twoKeysAreRefusedSinceTheStackWouldPickOneAtRandom() throws Exception {
        Path file = store("PKCS12", "secret", "secret", "server", "old-server");

        assertThatThrownBy(() -> ServerKeyStore.open(new TlsSettings.StoreFile(file, "secret", "PKCS12")))
                .hasMessageContaining("must hold exactly one private key").hasMessageContaining("not 2");
    }

    private Path store(String type, String storePassword, String keyPassword, String... aliases) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        for (String alias : aliases) {
            store.setKeyEntry(alias, SERVER.key(), keyPassword.toCharArray(), new Certificate[] {SERVER.certificate()});
        }
        Path file = directory.resolve("server." + type.toLowerCase());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, storePassword.toCharArray());
        }
        return file;
    }
}
