package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * Failed authentications add up whatever the method and code path: the platform has one failure throttle
 * (one per process, shared by every application through the kit; SharedPlatformTest shows two
 * applications get the same one), so a guesser cannot spread its tries over REGISTER and SUBSCRIBE.
 *
 * <pre>
 *   guesser                                   registrar-app (REGISTER; SUBSCRIBE Event: reg)
 *     |--- REGISTER, wrong password --------->| failure 1 (method=REGISTER)
 *     |--- SUBSCRIBE reg, wrong password ---->| failure 2 (method=SUBSCRIBE)
 *     |--- REGISTER, wrong password --------->| failure 3
 *     |--- SUBSCRIBE reg, wrong password ---->| failure 4: source blocked
 *     |--- SUBSCRIBE reg, right password ---->| 403 Retry-After
 *     |--- REGISTER, right password --------->| 403 Retry-After
 * </pre>
 */
class PlatformWideThrottleIT extends PlatformTest {

    private static final int FAILURES = 4;

    @Deployment(testable = false)
    static Archive<?> registrarWithAThrottleOfFour() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "auth.throttle.failures", Integer.toString(FAILURES),
                "auth.throttle.window", "60",
                "auth.throttle.block", "60"));
    }

    @Test
    void failuresOnRegisterAndSubscribeAddUpToOneBlock() throws IOException {
        try (TestPhone guesser = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            for (int failure = 0; failure < FAILURES; failure++) {
                Request request = failure % 2 == 0 ? guesser.register(600) : regSubscribe(guesser);
                assertThat(guesser.sendAuthenticated(request, "guess-" + failure).getStatusCode())
                        .as("attempt %d (%s)", failure + 1, request.getMethod()).isEqualTo(Response.UNAUTHORIZED);
            }

            Response subscribe = guesser.sendAuthenticated(regSubscribe(guesser), RunningPlatform.DEMO_PASSWORD);
            Response register = guesser.sendAuthenticated(guesser.register(600), RunningPlatform.DEMO_PASSWORD);

            for (Response blocked : new Response[] {subscribe, register}) {
                assertThat(blocked.getStatusCode()).isEqualTo(Response.FORBIDDEN);
                assertThat(((RetryAfterHeader) blocked.getHeader(RetryAfterHeader.NAME)).getRetryAfter())
                        .isBetween(1, 60);
            }
            String log = Files.readString(platform.logFile());
            assertThat(log).contains("auth failure: source=127.0.0.1 user=\"alice\" realm=\"127.0.0.1\" method=REGISTER")
                    .contains("auth failure: source=127.0.0.1 user=\"alice\" realm=\"127.0.0.1\" method=SUBSCRIBE");
            assertThat(log.lines().filter(line -> line.contains("auth blocked: source=127.0.0.1 for 60s after 4 failures")))
                    .hasSize(1);
        }
    }

    private static Request regSubscribe(TestPhone phone) {
        Request subscribe = phone.request(Request.SUBSCRIBE, phone.aor(), phone.aor());
        phone.setHeader(subscribe, "Event", "reg");
        phone.setHeader(subscribe, "Accept", "application/reginfo+xml");
        phone.setHeader(subscribe, "Expires", "600");
        return subscribe;
    }
}
