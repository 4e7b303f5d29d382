package org.seed.sip.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own key store, used when the operator configures none ({@code sip.tls.keystore} empty): a
 * self-signed certificate generated on first start into {@code <data.dir>/tls/} and reused afterwards, so the
 * fingerprint that phones were told to trust stays the same.
 * <ul>
 * <li>{@code keystore.p12}: PKCS12, the key and its certificate, readable by the owner only;</li>
 * <li>{@code keystore.password}: its random password, readable by the owner only;</li>
 * <li>{@code certificate.pem}: the certificate alone, public, for phones to trust (baresip's
 * {@code sip_cafile}, Linphone's root CA file).</li>
 * </ul>
 * A certificate that expires within {@value #RENEW_DAYS} days, or that lacks a name the platform now answers
 * to, is replaced by a new one (logged as a warning: phones must trust the new one).
 */
public final class GeneratedKeyStore {

    static final String KEY_STORE_FILE = "keystore.p12";
    static final String PASSWORD_FILE = "keystore.password";
    static final String CERTIFICATE_FILE = "certificate.pem";
    private static final String TYPE = "PKCS12";
    private static final String ALIAS = "sip-platform";
    private static final int RENEW_DAYS = 30;
    private static final int PASSWORD_BYTES = 24;
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedKeyStore.class);

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random;

    public GeneratedKeyStore(Path directory, Clock clock, SecureRandom random) {
        this.directory = directory;
        this.clock = clock;
        this.random = random;
    }

    /** {@code <data.dir>/tls}. */
    public static GeneratedKeyStore inDataDirectory(Path dataDirectory) {
        return new GeneratedKeyStore(dataDirectory.resolve("tls"), Clock.systemUTC(), new SecureRandom());
    }

    /** The stored key store if it still serves {@code names}, else a new one for them. */
    public ServerKeyStore ensure(CertificateNames names) {
        Optional<ServerKeyStore> stored = stored();
        if (stored.isPresent()) {
            Optional<String> renewal = renewalReason(stored.get().certificate(), names, clock.instant());
            if (renewal.isEmpty()) {
                restoreCertificateFile(stored.get().certificate());
                return stored.get();
            }
            LOG.warn("replacing the generated TLS certificate ({}): phones that trusted fingerprint {} must trust"
                    + " the new one", renewal.get(), stored.get().fingerprint());
        }
        return generate(names);
    }

    /** Why a stored certificate is no longer good enough, if it is not. */
    static Optional<String> renewalReason(X509Certificate certificate, CertificateNames names, Instant now) {
        if (certificate.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(RENEW_DAYS)))) {
            return Optional.of("it expires " + certificate.getNotAfter().toInstant());
        }
        if (!names.coveredBy(certificate)) {
            return Optional.of("it names " + String.join(", ", CertificateNames.alternativeNames(certificate))
                    + ", not all of " + names);
        }
        return Optional.empty();
    }

    public Path certificateFile() {
        return directory.resolve(CERTIFICATE_FILE);
    }

    private Optional<ServerKeyStore> stored() {
        Path keyStore = directory.resolve(KEY_STORE_FILE);
        Path password = directory.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(keyStore) || !Files.isRegularFile(password)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServerKeyStore.open(storeFile(Files.readString(password, StandardCharsets.UTF_8).trim())));
        } catch (IOException | TlsConfigurationException e) {
            LOG.warn("the generated TLS key store in {} cannot be used ({}); generating a new one", directory,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private ServerKeyStore generate(CertificateNames names) {
        SelfSignedCertificate.Issued issued = SelfSignedCertificate.issue(names, clock.instant(), random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        try {
            Files.createDirectories(directory);
            setPermissions(directory, "rwx------");
            KeyStore store = KeyStore.getInstance(TYPE);
            store.load(null, null);
            store.setKeyEntry(ALIAS, issued.key(), password.toCharArray(), new Certificate[] {issued.certificate()});
            writeAtomically(PASSWORD_FILE, (password + "\n").getBytes(StandardCharsets.UTF_8), true);
            try (OutputStream out = Files.newOutputStream(temporary(KEY_STORE_FILE))) {
                store.store(out, password.toCharArray());
            }
            publish(KEY_STORE_FILE, true);
            writeAtomically(CERTIFICATE_FILE, pem(issued.certificate()), false);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsConfigurationException("cannot write the generated TLS key store into " + directory + ": "
                    + e.getMessage(), e);
        }
        ServerKeyStore generated = ServerKeyStore.open(storeFile(password));
        LOG.info("generated a self-signed TLS certificate for {} into {}; phones trust it by its fingerprint or"
                + " by {}", names, directory, certificateFile());
        return generated;
    }

    /** The PEM copy is for people and phones; a deleted one is written again from the key store. */
    private void restoreCertificateFile(X509Certificate certificate) {
        if (Files.isRegularFile(certificateFile())) {
            return;
        }
        try {
            writeAtomically(CERTIFICATE_FILE, pem(certificate), false);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", certificateFile(), e.getMessage());
        }
    }

    private TlsSettings.StoreFile storeFile(String password) {
        return new TlsSettings.StoreFile(directory.resolve(KEY_STORE_FILE), password, TYPE);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] pem(X509Certificate certificate) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Written beside, then renamed: a start interrupted half-way never leaves a truncated file behind. */
    private void writeAtomically(String name, byte[] content, boolean secret) throws IOException {
        Files.write(temporary(name), content);
        publish(name, secret);
    }

    private Path temporary(String name) throws IOException {
        Path temporary = directory.resolve(name + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        setPermissions(temporary, "rw-------");
        return temporary;
    }

    private void publish(String name, boolean secret) throws IOException {
        Path temporary = directory.resolve(name + ".tmp");
        if (!secret) {
            setPermissions(temporary, "rw-r--r--");
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> set = PosixFilePermissions.fromString(permissions);
            Files.setPosixFilePermissions(path, set);
        }
    }
}
