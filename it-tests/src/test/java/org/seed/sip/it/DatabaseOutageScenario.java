package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sip.header.ContactHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;

import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * The database stops under a running platform and starts again: REGISTERs meanwhile are answered 503 with
 * Retry-After within db.timeout, nothing hangs, nothing accepted before is lost. A subclass brings the
 * database and the deployment that uses it.
 *
 * <pre>
 *   phone                         registrar                  database
 *     |--- REGISTER alice -------->|------------------------->|  committed
 *     |<-- 200 --------------------|                          |
 *     |                            |                          X  stopped
 *     |--- REGISTER bob ---------->|-- no connection (3 s) -->X
 *     |<-- 503, Retry-After: 7 ----|  one WARN line           |
 *     |                            |                          |  started again
 *     |--- REGISTER bob ---------->|------------------------->|  (a dead pooled connection may
 *     |<-- 200 --------------------|                          |   cost one more 503 first)
 *     |--- REGISTER alice (query)->|  alice's binding is still there
 * </pre>
 */
abstract class DatabaseOutageScenario extends PlatformTest {

    static final int RETRY_AFTER = 7;

    /** A database the test can stop under the platform and start again on the same data. */
    interface StoppableDatabase {
        String jdbcUrl();

        void start();

        void stop();
    }

    /** The running platform's database. */
    protected abstract StoppableDatabase database();

    /** The registrar alone, on {@code database}, with a Retry-After of its own. */
    static Archive<?> registrarOn(StoppableDatabase database) {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "db.url", database.jdbcUrl(),
                "sip.unavailable.retry.after", Integer.toString(RETRY_AFTER)));
    }

    @Test
    void registrationsDuringAnOutageGet503WithRetryAfterAndTheStoreRecovers() throws IOException {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress());
             TestPhone bob = TestPhone.open("bob", "127.0.0.1", platform.sipAddress())) {
            assertThat(alice.sendAuthenticated(alice.register(3600), RunningPlatform.DEMO_PASSWORD).getStatusCode())
                    .isEqualTo(Response.OK);
            long logBefore = Files.size(platform.logFile());

            database().stop();
            long start = System.nanoTime();
            Response unavailable = bob.sendAuthenticated(bob.register(600), RunningPlatform.DEMO_PASSWORD);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(unavailable.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
            assertThat(unavailable.getReasonPhrase()).isEqualTo("Service Unavailable");
            assertThat(((RetryAfterHeader) unavailable.getHeader(RetryAfterHeader.NAME)).getRetryAfter())
                    .isEqualTo(RETRY_AFTER);
            // db.timeout (3 s) for the connection, before the phone's UDP retransmissions give up (32 s)
            assertThat(waited).isLessThan(Duration.ofSeconds(8));
            assertThat(unavailable.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            List<String> outageLog = logSince(logBefore);
            assertThat(outageLog).filteredOn(line -> line.contains(" WARN "))
                    .singleElement().asString().contains("store unavailable: REGISTER sip:127.0.0.1 from 127.0.0.1:");
            assertThat(outageLog).noneMatch(line -> line.startsWith("\tat ") || line.contains(" ERROR "));

            database().start();

            // a pooled connection that died with the database may fail one more request (503 again, and the
            // connection leaves the pool): the phone comes back after Retry-After, here sooner
            Response again = Await.value("a REGISTER accepted again", Duration.ofSeconds(20), Duration.ofSeconds(1),
                    () -> bob.sendAuthenticated(bob.register(600), RunningPlatform.DEMO_PASSWORD),
                    answer -> answer.getStatusCode() != Response.SERVICE_UNAVAILABLE);
            assertThat(again.getStatusCode()).isEqualTo(Response.OK);
            Response aliceBindings = alice.sendAuthenticated(alice.registrationQuery(), RunningPlatform.DEMO_PASSWORD);
            assertThat(aliceBindings.getStatusCode()).isEqualTo(Response.OK);
            assertThat(((ContactHeader) aliceBindings.getHeader(ContactHeader.NAME)).getAddress().getURI())
                    .hasToString(alice.contactUri());
        }
    }

    private List<String> logSince(long offset) throws IOException {
        byte[] log = Files.readAllBytes(platform.logFile());
        return new String(log, (int) offset, log.length - (int) offset).lines().toList();
    }
}
