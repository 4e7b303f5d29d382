package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * Digest authentication of REGISTER (RFC 3261 §22, RFC 7616, RFC 8760). The throttle is set high here so
 * the deliberate failures do not block the tests' own address; {@link AuthenticationThrottleIT} tests it.
 *
 * <pre>
 *   phone                                   registrar
 *     |--- REGISTER ------------------------>|
 *     |<-- 401 WWW-Authenticate: SHA-256 ----|
 *     |        WWW-Authenticate: MD5         |
 *     |--- REGISTER Authorization: ... ----->|  HA1 from the database, nonce and nc checked
 *     |<-- 200 / 401 / 403 ------------------|
 * </pre>
 */
class DigestAuthenticationIT extends PlatformTest {

    private static final String SERVER = "sip:127.0.0.1";

    @Deployment(testable = false)
    static Archive<?> registrarWithShortNonces() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "auth.nonce.lifetime", "3",
                "auth.throttle.failures", "1000"));
    }

    @Test
    void challengeOffersSha256ThenMd5WithQopAuth() {
        try (TestPhone alice = phone("alice")) {
            Response challenge = alice.send(alice.register(600));

            assertThat(challenge.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            List<WWWAuthenticateHeader> offered = challenges(challenge);
            assertThat(offered).extracting(WWWAuthenticateHeader::getAlgorithm).containsExactly("SHA-256", "MD5");
            assertThat(offered).allSatisfy(header -> {
                assertThat(header.getScheme()).isEqualTo("Digest");
                assertThat(header.getRealm()).isEqualTo("127.0.0.1");
                assertThat(header.getQop()).isEqualTo("auth");
                assertThat(header.getNonce()).isNotBlank();
            });
        }
    }

    @Test
    void sha256AndMd5CredentialsAreBothAccepted() {
        try (TestPhone alice = phone("alice")) {
            assertThat(alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD, "SHA-256")
                    .getStatusCode()).isEqualTo(Response.OK);
            assertThat(alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD, "MD5")
                    .getStatusCode()).isEqualTo(Response.OK);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswerAndAreLogged() throws IOException {
        try (TestPhone alice = phone("alice"); TestPhone nobody = phone("nobody")) {
            Response wrongPassword = alice.sendAuthenticated(alice.register(600), "not-her-password");
            Response unknownUser = nobody.sendAuthenticated(nobody.register(600), "whatever");

            assertThat(wrongPassword.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            assertThat(unknownUser.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            assertThat(shape(wrongPassword)).isEqualTo(shape(unknownUser));
        }
        String log = Files.readString(platform.logFile());
        assertThat(log).contains("auth failure: source=127.0.0.1 user=\"alice\" realm=\"127.0.0.1\" method=REGISTER reason=bad-response");
        assertThat(log).contains("auth failure: source=127.0.0.1 user=\"nobody\" realm=\"127.0.0.1\" method=REGISTER reason=unknown-user");
    }

    @Test
    void replayedNonceCountIsRefused() {
        try (TestPhone alice = phone("alice")) {
            Response challenge = alice.send(alice.register(600));
            Request first = alice.authorize(alice.nextAttempt(alice.register(600)), challenge,
                    RunningPlatform.DEMO_PASSWORD, "SHA-256", 1);
            Request replay = alice.authorize(alice.nextAttempt(alice.register(600)), challenge,
                    RunningPlatform.DEMO_PASSWORD, "SHA-256", 1);

            assertThat(alice.send(first).getStatusCode()).isEqualTo(Response.OK);
            assertThat(alice.send(replay).getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
        }
    }

    @Test
    void expiredNonceGetsAStaleChallenge() {
        try (TestPhone alice = phone("alice")) {
            Response challenge = alice.send(alice.register(600));
            AtomicInteger nonceCount = new AtomicInteger();
            // the same nonce, each time with the next nc, until it outlives auth.nonce.lifetime (3 s)
            Response answer = Await.value("nonce refused", Duration.ofSeconds(15), Duration.ofMillis(500),
                    () -> alice.send(alice.authorize(alice.nextAttempt(alice.register(600)), challenge,
                            RunningPlatform.DEMO_PASSWORD, "SHA-256", nonceCount.incrementAndGet())),
                    reply -> reply.getStatusCode() != Response.OK);

            assertThat(answer.getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            assertThat(challenges(answer)).allSatisfy(header -> assertThat(header.getParameter("stale")).isEqualToIgnoringCase("true"));
        }
    }

    @Test
    void userCannotRegisterAnotherUsersAddress() {
        try (TestPhone alice = phone("alice")) {
            Request forBob = alice.request(Request.REGISTER, SERVER, "sip:bob@127.0.0.1");
            alice.setHeader(forBob, "Contact", "<" + alice.contactUri() + ">");

            assertThat(alice.sendAuthenticated(forBob, RunningPlatform.DEMO_PASSWORD).getStatusCode())
                    .isEqualTo(Response.FORBIDDEN);
        }
    }

    @Test
    void administratorRegistersOnBehalfOfAUserButNotOfAnUnknownOne() {
        try (TestPhone admin = phone("admin")) {
            Request forBob = admin.request(Request.REGISTER, SERVER, "sip:bob@127.0.0.1");
            admin.setHeader(forBob, "Contact", "<sip:bob@127.0.0.1:5998>");
            Request forNobody = admin.request(Request.REGISTER, SERVER, "sip:nobody@127.0.0.1");
            admin.setHeader(forNobody, "Contact", "<sip:nobody@127.0.0.1:5998>");

            assertThat(admin.sendAuthenticated(forBob, RunningPlatform.ADMIN_PASSWORD).getStatusCode())
                    .isEqualTo(Response.OK);
            assertThat(admin.sendAuthenticated(forNobody, RunningPlatform.ADMIN_PASSWORD).getStatusCode())
                    .isEqualTo(Response.NOT_FOUND);
        }
    }

    @Test
    void foreignDomainIsRefusedBeforeAnyChallenge() {
        try (TestPhone stranger = TestPhone.open("alice", "elsewhere.example", platform.sipAddress())) {
            assertThat(stranger.send(stranger.register(600)).getStatusCode()).isEqualTo(Response.FORBIDDEN);
        }
    }

    private TestPhone phone(String user) {
        return TestPhone.open(user, "127.0.0.1", platform.sipAddress());
    }

    private static List<WWWAuthenticateHeader> challenges(Response answer) {
        List<WWWAuthenticateHeader> headers = new ArrayList<>();
        answer.getHeaders(WWWAuthenticateHeader.NAME).forEachRemaining(header -> headers.add((WWWAuthenticateHeader) header));
        return headers;
    }

    /** What an observer can compare between two challenges: everything but the nonce, which is always new. */
    private static List<String> shape(Response answer) {
        List<String> shape = new ArrayList<>();
        shape.add(Integer.toString(answer.getStatusCode()));
        challenges(answer).forEach(header -> shape.add(header.toString().replace(header.getNonce(), "NONCE")));
        return shape;
    }
}
