package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * A source that keeps failing authentication is refused for a while, and says so in a log line an
 * operator can feed to fail2ban.
 *
 * <pre>
 *   guesser                               registrar
 *     |--- REGISTER, wrong password x3 ----->|  3 failures within the window
 *     |<-- 401 x3 ---------------------------|
 *     |--- REGISTER, right password -------->|  source blocked
 *     |<-- 403 Retry-After ------------------|
 *     |        (block time passes)           |
 *     |--- REGISTER, right password -------->|
 *     |<-- 200 ------------------------------|
 * </pre>
 */
class AuthenticationThrottleIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> registrarWithAStrictThrottle() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "auth.throttle.failures", "3",
                "auth.throttle.window", "60",
                "auth.throttle.block", "4"));
    }

    @Test
    void repeatedFailuresBlockTheSourceForTheBlockTime() throws IOException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(alice.sendAuthenticated(alice.register(600), "guess-" + attempt).getStatusCode())
                        .isEqualTo(Response.UNAUTHORIZED);
            }

            Response blocked = alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD);

            assertThat(blocked.getStatusCode()).isEqualTo(Response.FORBIDDEN);
            assertThat(((RetryAfterHeader) blocked.getHeader(RetryAfterHeader.NAME)).getRetryAfter()).isBetween(1, 4);
            assertThat(Files.readString(platform.logFile())).contains("auth blocked: source=127.0.0.1");

            Response answer = Await.value("source unblocked", Duration.ofSeconds(20), Duration.ofMillis(500),
                    () -> alice.sendAuthenticated(alice.register(600), RunningPlatform.DEMO_PASSWORD),
                    reply -> reply.getStatusCode() != Response.FORBIDDEN);
            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        }
    }
}
