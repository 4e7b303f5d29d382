package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * SIP over TLS (RFC 3261 §26) with the certificate the platform generated on its first start, trusted the way
 * a phone is told to trust it: from the PEM file in the data directory.
 *
 * <pre>
 *   phone (trusts data/tls/certificate.pem)           platform :TLS
 *     |=== TLS handshake (no client certificate) ===>|
 *     |--- OPTIONS sips:127.0.0.1:P ---------------->|
 *     |<-- 200 OK -----------------------------------|
 *     |--- REGISTER sips:127.0.0.1, Contact sips: -->|
 *     |<-- 401 / REGISTER + Authorization / 200 OK --|   binding stored with transport TLS
 * </pre>
 */
class TlsIT extends PlatformTest {

    private static final Pattern LOGGED_FINGERPRINT = Pattern.compile("TLS on 127\\.0\\.0\\.1:(\\d+), certificate .*"
            + "SHA-256 fingerprint ([0-9A-F:]{95})");

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void connectorServesTheGeneratedCertificateWhoseFingerprintIsLogged() throws Exception {
        X509Certificate trusted = certificate();
        try (SSLSocket socket = (SSLSocket) trusting(trusted).getSocketFactory()
                .createSocket(platform.sipsAddress().getHostString(), platform.sipsAddress().getPort())) {
            socket.startHandshake();

            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(served).isEqualTo(trusted);
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            Matcher logged = LOGGED_FINGERPRINT.matcher(Files.readString(platform.logFile()));
            assertThat(logged.find()).as("the TLS line in the log").isTrue();
            assertThat(Integer.parseInt(logged.group(1))).isEqualTo(platform.sipsAddress().getPort());
            assertThat(logged.group(2)).isEqualTo(fingerprint(served));
            assertThat(served.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                    .contains("127.0.0.1", "localhost");
        }
    }

    @Test
    void optionsOverTlsIsAnswered() {
        try (TestPhone phone = TestPhone.openTls("alice", "127.0.0.1", platform.sipsAddress(), platform.tlsCertificate())) {
            String server = "sips:127.0.0.1:" + platform.sipsAddress().getPort();

            Response answer = phone.send(phone.request(Request.OPTIONS, server, server));

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        }
    }

    @Test
    void registerOverTlsIsStoredWithTransportTls() throws SQLException {
        try (TestPhone alice = TestPhone.openTls("alice", "127.0.0.1", platform.sipsAddress(), platform.tlsCertificate())) {
            Response answer = alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(alice.contactUri()).endsWith(";transport=TLS");
            assertThat(PlatformDatabase.column(platform, "select transport from bindings where contact_uri = ?",
                    alice.contactUri())).containsExactly("TLS");
        }
    }

    @Test
    void sipsRegisterOverTlsBindsASipsContact() throws SQLException {
        try (TestPhone bob = TestPhone.openTls("bob", "127.0.0.1", platform.sipsAddress(), platform.tlsCertificate())) {
            Request register = bob.register(600);
            String contact = "sips:bob@127.0.0.1:" + bob.localPort();
            register.setRequestURI(bob.uri("sips:127.0.0.1"));
            bob.setHeader(register, "Contact", "<" + contact + ">");

            Response answer = bob.sendAuthenticated(register, RunningPlatform.DEMO_PASSWORD);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(PlatformDatabase.column(platform, "select transport from bindings where contact_uri = ?", contact))
                    .containsExactly("TLS");
        }
    }

    @Test
    void sipsRequestUriOverUdpIsRefused() {
        try (TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Request options = phone.request(Request.OPTIONS, "sips:127.0.0.1", "sips:127.0.0.1");

            Response answer = phone.send(options);

            assertThat(answer.getStatusCode()).isEqualTo(Response.UNSUPPORTED_URI_SCHEME);
            assertThat(answer.getReasonPhrase()).isEqualTo("SIPS Requires TLS");
        }
    }

    @Test
    void subscriptionToASipsResourceOverUdpIsRefusedBeforeAnyChallenge() {
        try (TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Request subscribe = phone.request(Request.SUBSCRIBE, "sips:alice@127.0.0.1", "sips:alice@127.0.0.1");
            phone.setHeader(subscribe, "Event", "reg");

            Response answer = phone.send(subscribe);

            assertThat(answer.getStatusCode()).isEqualTo(Response.UNSUPPORTED_URI_SCHEME);
            assertThat(answer.getReasonPhrase()).isEqualTo("SIPS Requires TLS");
        }
    }

    @Test
    void sipsContactOverTcpIsNotBound() throws SQLException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress(), "tcp")) {
            Request register = alice.register(600);
            String contact = "sips:alice@127.0.0.1:" + alice.localPort();
            alice.setHeader(register, "Contact", "<" + contact + ">");

            Response answer = alice.sendAuthenticated(register, RunningPlatform.DEMO_PASSWORD);

            assertThat(answer.getStatusCode()).isEqualTo(Response.UNSUPPORTED_URI_SCHEME);
            assertThat(answer.getReasonPhrase()).isEqualTo("SIPS Contact Requires TLS");
            assertThat(PlatformDatabase.column(platform, "select transport from bindings where contact_uri = ?", contact))
                    .isEmpty();
        }
    }

    private X509Certificate certificate() throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(platform.tlsCertificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static SSLContext trusting(X509Certificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("platform", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
