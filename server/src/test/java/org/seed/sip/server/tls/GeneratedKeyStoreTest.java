package org.seed.sip.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final CertificateNames NAMES = CertificateNames.of(List.of("127.0.0.1", "127.0.0.1", "localhost",
            "Example.COM"));

    @TempDir
    Path data;

    @Test
    void firstStartGeneratesACertificateNamingTheAddressAndEveryDomain() throws Exception {
        ServerKeyStore generated = keyStoreAt(NOW).ensure(NAMES);

        X509Certificate certificate = generated.certificate();
        assertThat(CertificateNames.alternativeNames(certificate))
                .containsExactlyInAnyOrder("127.0.0.1", "localhost", "example.com");
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(SelfSignedCertificate.VALIDITY));
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        certificate.verify(certificate.getPublicKey());
        assertThat(generated.file().path()).isEqualTo(data.resolve("tls/keystore.p12"));
    }

    @Test
    void keyAndPasswordAreReadableByTheOwnerOnlyAndTheCertificateIsWrittenAsPem() throws Exception {
        ServerKeyStore generated = keyStoreAt(NOW).ensure(NAMES);

        Path tls = data.resolve("tls");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("keystore.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("keystore.password"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(tls.resolve("keystore.password")).trim()).isEqualTo(generated.file().password())
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(pem(tls.resolve("certificate.pem"))).isEqualTo(generated.certificate());
        try (var files = Files.list(tls)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("keystore.p12", "keystore.password", "certificate.pem");
        }
    }

    @Test
    void fingerprintIsTheSha256OfTheCertificateAsOpensslPrintsIt() throws Exception {
        ServerKeyStore generated = keyStoreAt(NOW).ensure(NAMES);

        assertThat(generated.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(generated.certificate().getEncoded());
        assertThat(generated.fingerprint().replace(":", "")).isEqualToIgnoringCase(java.util.HexFormat.of().formatHex(digest));
    }

    @Test
    void laterStartsReuseTheGeneratedCertificate() {
        String first = keyStoreAt(NOW).ensure(NAMES).fingerprint();

        String second = keyStoreAt(NOW.plus(Duration.ofDays(400))).ensure(NAMES).fingerprint();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDeletedPemCopyIsWrittenAgainFromTheKeyStore() throws Exception {
        ServerKeyStore first = keyStoreAt(NOW).ensure(NAMES);
        Files.delete(data.resolve("tls/certificate.pem"));

        keyStoreAt(NOW).ensure(NAMES);

        assertThat(pem(data.resolve("tls/certificate.pem"))).isEqualTo(first.certificate());
    }

    @Test
    void aCertificateCloseToExpiryIsReplaced() {
        ServerKeyStore first = keyStoreAt(NOW).ensure(NAMES);

        ServerKeyStore renewed = keyStoreAt(NOW.plus(SelfSignedCertificate.VALIDITY).minus(Duration.ofDays(10)))
                .ensure(NAMES);

        assertThat(renewed.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void aNewDomainGetsANewCertificateThatNamesIt() {
        ServerKeyStore first = keyStoreAt(NOW).ensure(NAMES);

        ServerKeyStore renewed = keyStoreAt(NOW).ensure(CertificateNames.of(List.of("192.0.2.7", "sip.example.org")));

        assertThat(renewed.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(CertificateNames.alternativeNames(renewed.certificate()))
                .containsExactlyInAnyOrder("192.0.2.7", "sip.example.org");
    }

    @Test
    void aDamagedKeyStoreIsReplacedRatherThanStoppingTheStart() throws Exception {
        keyStoreAt(NOW).ensure(NAMES);
        Files.writeString(data.resolve("tls/keystore.password"), "not-the-password");

        ServerKeyStore replaced = keyStoreAt(NOW).ensure(NAMES);

        assertThat(replaced.file().password()).isNotEqualTo("not-the-password");
        assertThat(ServerKeyStore.open(replaced.file()).fingerprint()).isEqualTo(replaced.fingerprint());
    }

    private GeneratedKeyStore keyStoreAt(Instant now) {
        return new GeneratedKeyStore(data.resolve("tls"), Clock.fixed(now, ZoneOffset.UTC), new SecureRandom());
    }

    private static X509Certificate pem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
