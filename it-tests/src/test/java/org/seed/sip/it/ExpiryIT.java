package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import javax.sip.header.ContactHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * A binding that is not refreshed vanishes from every answer the moment it expires, and the purge timer
 * then deletes its row.
 */
class ExpiryIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> registrarWithShortExpiries() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "registrar.expires.min", "2",
                "registrar.expires.default", "2",
                "registrar.purge.interval", "15"));
    }

    @Test
    void expiredBindingDisappearsAtOnceAndIsPurged() throws SQLException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            Response registered = alice.sendAuthenticated(alice.register(2), RunningPlatform.DEMO_PASSWORD);
            assertThat(registered.getHeader(ContactHeader.NAME)).isNotNull();

            Await.value("binding gone from the answers", Duration.ofSeconds(10), Duration.ofMillis(250),
                    () -> alice.sendAuthenticated(alice.registrationQuery(), RunningPlatform.DEMO_PASSWORD),
                    answer -> answer.getHeader(ContactHeader.NAME) == null);
            // gone from the answers before the first purge (15 s after the application started) deleted anything
            assertThat(storedBindings()).as("rows before the purge").isEqualTo(1);

            Await.until("expired row purged", Duration.ofSeconds(35), () -> storedBindings() == 0);
        }
    }

    private int storedBindings() throws SQLException {
        return Integer.parseInt(PlatformDatabase.column(platform, "select count(*) from bindings").get(0));
    }
}
