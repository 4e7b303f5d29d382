package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.net.RelayTrap;
import org.seed.sip.it.phone.RawSipClient;
import org.seed.sip.it.phone.RawSipClient.Answer;

/**
 * One application deployed alone (the registrar's WAR, without the edge application): the server's own
 * fallback answers what the registrar does not take, OPTIONS to the platform included, and nothing is
 * relayed.
 *
 * <pre>
 *   test                          platform (registrar + server fallback)     trap
 *     |--- OPTIONS sip:host ------->|  200                                    |
 *     |--- FOO sip:x@127.0.0.1:P -->|  501                                    |
 *     |--- INVITE sip:x@...:P ----->|  405 (no B2BUA here)                    |
 *     |--- BYE sip:x@...:P -------->|  481          (nothing arrives at P)    |
 * </pre>
 */
class LoneDeploymentNoRelayIT extends PlatformTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final String STRANGER = "sip:stranger@example.com";

    @Deployment(testable = false)
    static Archive<?> registrarAlone() {
        return Deployments.registrarAlone();
    }

    @Test
    void theServerItselfAnswersOptionsToThePlatform() {
        try (RawSipClient client = RawSipClient.udp(platform.sipAddress())) {
            String self = "sip:127.0.0.1:" + platform.sipAddress().getPort();
            Optional<Answer> answer = client.exchange(client.request("OPTIONS", self, STRANGER, self, ""),
                    ANSWER_WITHIN);

            assertThat(answer).map(Answer::status).contains(200);
            assertThat(answer.orElseThrow().header("Allow")).contains("OPTIONS");
        }
    }

    @Test
    void nothingIsRelayedByALoneApplication() throws InterruptedException {
        try (RelayTrap trap = new RelayTrap(); RawSipClient client = RawSipClient.udp(platform.sipAddress())) {
            String elsewhere = "sip:x@127.0.0.1:" + trap.port();
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(statusOf(client, "FOO", elsewhere)).isEqualTo(501);
            softly.assertThat(statusOf(client, "INFO", elsewhere)).isEqualTo(481);
            softly.assertThat(statusOf(client, "BYE", elsewhere)).isEqualTo(481);
            // no application of this deployment serves INVITE or MESSAGE (RFC 3261 §8.2.1)
            softly.assertThat(statusOf(client, "INVITE", elsewhere)).isEqualTo(405);
            softly.assertThat(statusOf(client, "MESSAGE", elsewhere)).isEqualTo(405);
            softly.assertAll();

            assertThat(trap.firstArrivalWithin(Duration.ofSeconds(2))).as("what reached the trap").isNull();
        }
    }

    private static int statusOf(RawSipClient client, String method, String uri) {
        return client.exchange(client.request(method, uri, STRANGER, uri, ""), ANSWER_WITHIN).map(Answer::status)
                .orElse(-1);
    }
}
