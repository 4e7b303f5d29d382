package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.RawCredentials;
import org.seed.sip.it.phone.RawSipClient;
import org.seed.sip.it.phone.RawSipClient.Answer;

/**
 * Authenticated REGISTERs with unusual contacts, sent raw (a SIP stack would refuse to write some of
 * them): the unusual but valid ones are registered (RFC 4475 §3.1.1.4, §3.3.12-14), the malformed ones get
 * 400 with a fixed reason phrase, none a 5xx.
 *
 * <pre>
 *   alice                                          registrar
 *     |--- REGISTER, Contact: sip:...;unknownparam ->|  200
 *     |--- REGISTER, Contact: ...;q=1.5 ------------>|  400 Invalid Contact
 *     |--- REGISTER, Contact: ...;expires=2^48 ----->|  200, the maximum expiry
 * </pre>
 */
class UnusualRegistrationIT extends PlatformTest {

    private static final String ALICE = "sip:alice@127.0.0.1";
    private static final int MAX_EXPIRES = 7200;

    @Deployment(testable = false)
    static Archive<?> registrarAlone() {
        return Deployments.registrarAlone();
    }

    @Test
    void unusualButValidContactsAreRegistered() {
        assertThat(register("Contact: sip:+19725552222@127.0.0.1:5999;unknownparam\n")).isEqualTo(200);
        assertThat(register("Contact: <sip:+19725552222@127.0.0.1:5999;unknownparam>\n")).isEqualTo(200);
        assertThat(register("Contact: <sip:alice@127.0.0.1:5999?Route=%3Csip:sip.example.com%3E>\n")).isEqualTo(200);
        assertThat(register("Contact: <sip:%00@127.0.0.1:5999>\n")).isEqualTo(200);
    }

    @Test
    void anExpiryTooLargeForAnyCounterGetsTheMaximum() {
        Answer answer = answer("Contact: <sip:alice@127.0.0.1:5998>;expires=280297596632815\n").orElseThrow();

        assertThat(answer.status()).isEqualTo(200);
        // the maximum, registrar.expires.max, or a second less when the clock ticked meanwhile
        String granted = "(" + MAX_EXPIRES + "|" + (MAX_EXPIRES - 1) + ")\\b";
        assertThat(answer.header("Contact")).containsPattern("<sip:alice@127\\.0\\.0\\.1:5998>;expires=" + granted);
    }

    @Test
    void malformedContactParametersAreBadRequests() {
        assertThat(answer("Contact: <sip:alice@127.0.0.1:5997>;q=1.5\n")).map(Answer::toString)
                .contains("400 Invalid Contact");
        assertThat(answer("Contact: <sip:alice@127.0.0.1:5997>;expires=soon\n")).map(Answer::toString)
                .contains("400 Invalid Contact");
    }

    private int register(String contact) {
        return answer(contact).map(Answer::status).orElse(-1);
    }

    /** A REGISTER of alice with {@code headers}, with her credentials, and its answer. */
    private Optional<Answer> answer(String headers) {
        try (RawSipClient alice = RawSipClient.udp(platform.sipAddress())) {
            RawCredentials credentials = RawCredentials.of(alice, "alice", RunningPlatform.DEMO_PASSWORD);
            String register = alice.request("REGISTER", "sip:127.0.0.1", ALICE, ALICE,
                    headers + credentials.headersFor("REGISTER", "sip:127.0.0.1"));
            return alice.exchange(register, Duration.ofSeconds(5));
        }
    }
}
