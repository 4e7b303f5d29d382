package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.net.RelayTrap;
import org.seed.sip.it.phone.RawCredentials;
import org.seed.sip.it.phone.RawSipClient;
import org.seed.sip.it.phone.RawSipClient.Answer;

/**
 * The platform is no relay: a request of any method whose Request-URI (or Route) names another server is
 * answered by the platform itself and nothing of it reaches that server, over UDP and TCP, from a stranger
 * or from a user with valid credentials. (A user's call to another domain is an outbound call of the B2BUA
 * when the operator allows it, {@code b2bua.outbound.calls}; here it does not, so nothing at all leaves.)
 *
 * <pre>
 *   test                          platform                     trap (127.0.0.1:P, UDP and TCP)
 *     |--- FOO sip:x@127.0.0.1:P -->|                               |
 *     |<-- 501 Not Implemented -----|      (nothing, 2 s after the last answer)
 *     |--- BYE sip:x@127.0.0.1:P -->|                               |
 *     |<-- 481 ---------------------|                               |
 *     ...every method...
 * </pre>
 */
class NoRelayIT extends PlatformTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    /** How long after the last answer the trap must stay empty. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    /** Each method, what it carries besides the usual headers, and its answer without and with credentials. */
    private record Case(String method, String extraHeaders, int stranger, int authenticated) {
    }

    private static final int NONE = 0;
    private static final String STRANGER = "sip:stranger@example.com";
    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final List<Case> EVERY_METHOD = List.of(
            // the registrar: a challenge, and with alice's credentials her registration (not a relay)
            new Case("REGISTER", "", 401, 200),
            // the stub applications answer 501 until their issues land
            new Case("INVITE", "", 403, 403),
            // presence: a challenge; alice may not publish for x, who has no account (RFC 3903 §6)
            new Case("PUBLISH", "Event: presence\n", 407, 404),
            // presence's instant messages: to another server's user, no relay (RFC 3428 through DomainAdmission)
            new Case("MESSAGE", "", 403, 403),
            new Case("REFER", "Refer-To: <sip:bob@127.0.0.1>\n", 403, 403),
            // the edge: no dialog here (RFC 3261 §12.2.2), another server's Request-URI (403), unknown method
            new Case("ACK", "", NONE, NONE),
            new Case("BYE", "", 481, 481),
            new Case("CANCEL", "", 481, 481),
            new Case("INFO", "", 481, 481),
            new Case("UPDATE", "", 481, 481),
            new Case("PRACK", "RAck: 1 1 INVITE\n", 481, 481),
            new Case("NOTIFY", "Event: dialog\nSubscription-State: active\n", 481, 481),
            new Case("OPTIONS", "", 403, 403),
            new Case("SUBSCRIBE", "Event: dialog\n", 403, 403),
            new Case("FOO", "", 501, 501));

    private RelayTrap trap;

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of("b2bua.outbound.calls", "false"));
    }

    @BeforeEach
    void setTrap() {
        trap = new RelayTrap();
    }

    @AfterEach
    void removeTrap() {
        trap.close();
    }

    @Test
    void aStrangerGetsEveryMethodAnsweredAndNothingRelayedOverUdp() throws Exception {
        try (RawSipClient stranger = RawSipClient.udp(platform.sipAddress())) {
            assertEveryMethodAnswered(stranger, "", null);
        }
        assertThat(trap.firstArrivalWithin(QUIET)).as("what reached the trap").isNull();
    }

    @Test
    void aStrangerGetsEveryMethodAnsweredAndNothingRelayedOverTcp() throws Exception {
        try (RawSipClient stranger = RawSipClient.tcp(platform.sipAddress())) {
            assertEveryMethodAnswered(stranger, ";transport=tcp", null);
        }
        assertThat(trap.firstArrivalWithin(QUIET)).as("what reached the trap").isNull();
    }

    @Test
    void aUserWithValidCredentialsCannotRelayEither() throws Exception {
        try (RawSipClient alice = RawSipClient.udp(platform.sipAddress())) {
            assertEveryMethodAnswered(alice, "", RawCredentials.of(alice, "alice", RunningPlatform.DEMO_PASSWORD));
        }
        assertThat(trap.firstArrivalWithin(QUIET)).as("what reached the trap").isNull();
    }

    @Test
    void aRouteToAnotherServerIsNotFollowed() throws Exception {
        String route = "Route: <sip:127.0.0.1:" + trap.port() + ";lr>\n";
        try (RawSipClient stranger = RawSipClient.udp(platform.sipAddress())) {
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(status(stranger.exchange(stranger.request("FOO", ownUri(), STRANGER, "sip:x@127.0.0.1", route),
                    ANSWER_WITHIN))).isEqualTo(501);
            softly.assertThat(status(stranger.exchange(stranger.request("BYE", ownUri(), STRANGER, "sip:x@127.0.0.1", route),
                    ANSWER_WITHIN))).isEqualTo(481);
            softly.assertThat(status(stranger.exchange(stranger.request("OPTIONS", "sip:bob@127.0.0.1", STRANGER,
                    "sip:bob@127.0.0.1", route), ANSWER_WITHIN))).isEqualTo(480);
            softly.assertAll();
        }
        assertThat(trap.firstArrivalWithin(QUIET)).as("what reached the trap").isNull();
    }

    /** What the edge answers for the platform's own users and for the platform itself (RFC 3261 §8.2). */
    @Test
    void requestsNoApplicationTakesGetTheEdgesAnswer() {
        String alice = "sip:alice@127.0.0.1";
        try (RawSipClient stranger = RawSipClient.udp(platform.sipAddress())) {
            Optional<Answer> badEvent = stranger.exchange(
                    stranger.request("SUBSCRIBE", alice, STRANGER, alice, "Event: dialog\n"), ANSWER_WITHIN);
            Optional<Answer> noEvent = stranger.exchange(stranger.request("SUBSCRIBE", alice, STRANGER, alice, ""),
                    ANSWER_WITHIN);
            Optional<Answer> strayNotify = stranger.exchange(stranger.request("NOTIFY", alice, STRANGER, alice,
                    "Event: reg\nSubscription-State: active\n"), ANSWER_WITHIN);
            Optional<Answer> telUri = stranger.exchange(stranger.request("OPTIONS", "tel:+15551234", STRANGER,
                    "tel:+15551234", ""), ANSWER_WITHIN);
            Optional<Answer> badExtension = stranger.exchange(stranger.request("OPTIONS", ownUri(), STRANGER, ownUri(),
                    "Require: path, foo\n"), ANSWER_WITHIN);

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(status(badEvent)).isEqualTo(489);
            softly.assertThat(badEvent.map(answer -> answer.header("Allow-Events")).orElse("").split("\\s*,\\s*"))
                    .containsExactlyInAnyOrder("reg", "presence", "presence.winfo");
            softly.assertThat(status(noEvent)).isEqualTo(400);
            softly.assertThat(status(strayNotify)).isEqualTo(481);
            softly.assertThat(status(telUri)).isEqualTo(416);
            softly.assertThat(status(badExtension)).isEqualTo(420);
            softly.assertThat(badExtension.map(answer -> answer.header("Unsupported"))).contains("foo");
            softly.assertAll();
        }
    }

    private void assertEveryMethodAnswered(RawSipClient client, String uriParameters, RawCredentials credentials) {
        SoftAssertions softly = new SoftAssertions();
        for (Case each : EVERY_METHOD) {
            boolean register = "REGISTER".equals(each.method());
            String requestUri = register ? "sip:127.0.0.1:" + trap.port() + uriParameters
                    : "sip:x@127.0.0.1:" + trap.port() + uriParameters;
            String to = register ? "sip:alice@127.0.0.1" : requestUri;
            String extra = each.extraHeaders() + (credentials == null ? "" : credentials.headersFor(each.method(), requestUri));
            String request = client.request(each.method(), requestUri, credentials == null ? STRANGER : ALICE, to, extra);
            int expected = credentials == null ? each.stranger() : each.authenticated();
            if (expected == NONE) {
                client.send(request);
                continue;
            }
            Optional<Answer> answer = client.exchange(request, ANSWER_WITHIN);
            softly.assertThat(status(answer)).as(each.method() + " over " + client.transport() + ": " + answer)
                    .isEqualTo(expected);
        }
        softly.assertAll();
    }

    private String ownUri() {
        return "sip:127.0.0.1:" + platform.sipAddress().getPort();
    }

    private static int status(Optional<Answer> answer) {
        return answer.map(Answer::status).orElse(-1);
    }
}
