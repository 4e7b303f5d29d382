package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import javax.sip.header.ContactHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * A binding that is not refreshed vanishes from every answer the moment it expires, and the purge timer
 * then deletes its row.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiryIT {

    @ArquillianResource
    private RunningPlatform platform;

    @Deployment(testable = false)
    static Archive<?> registrarWithShortExpiries() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "registrar.expires.min", "2",
                "registrar.expires.default", "2",
                "registrar.purge.interval", "15"));
    }

    @Test
    void expiredBindingDisappearsAtOnceAndIsPurged() throws SQLException, InterruptedException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response registered = alice.sendAuthenticated(alice.register(2), RunningPlatform.DEMO_PASSWORD);
            assertThat(registered.getHeader(ContactHeader.NAME)).isNotNull();

            Response later = awaitNoContact(alice, Duration.ofSeconds(10));
            assertThat(later.getHeader(ContactHeader.NAME)).as("expired binding listed").isNull();
            // gone from the answers before the first purge (15 s after the application started) deleted anything
            assertThat(storedBindings()).as("rows before the purge").isEqualTo(1);

            long deadline = System.nanoTime() + Duration.ofSeconds(35).toNanos();
            while (storedBindings() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(storedBindings()).as("rows left after the purge").isZero();
        }
    }

    private static Response awaitNoContact(TestPhone phone, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response answer;
        do {
            Thread.sleep(250);
            answer = phone.sendAuthenticated(phone.registrationQuery(), RunningPlatform.DEMO_PASSWORD);
        } while (answer.getHeader(ContactHeader.NAME) != null && System.nanoTime() < deadline);
        return answer;
    }

    private int storedBindings() throws SQLException {
        return Integer.parseInt(PlatformDatabase.column(platform, "select count(*) from bindings").get(0));
    }
}
