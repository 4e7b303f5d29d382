package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.net.FreePorts;
import org.seed.sip.it.phone.TestPhone;

/**
 * The edge answers OPTIONS to a user from the location service; when the store is down it answers as
 * every application does, 503 with Retry-After, and from the store again once it is back.
 *
 * <pre>
 *   phone                        edge-app                   database
 *     |--- OPTIONS sip:bob ------>|-- account, bindings ----->|
 *     |<-- 480 -------------------|                           X  stopped
 *     |--- OPTIONS sip:bob ------>|-- no connection --------->X
 *     |<-- 503, Retry-After: 7 ---|                           |  started again
 *     |--- OPTIONS sip:bob ------>|-------------------------->|
 *     |<-- 480 -------------------|
 * </pre>
 */
class EdgeStoreOutageIT extends PlatformTest {

    private static final int RETRY_AFTER = 7;
    private static final String BOB = "sip:bob@127.0.0.1";

    private static DatabaseServer database;

    @Deployment(testable = false)
    static Archive<?> platformOnAnH2Server() throws IOException {
        // the platform starts with its deployment, so its database must be up before
        database = new DatabaseServer(FreePorts.tcp(), Files.createTempDirectory("edge-outage-it"));
        database.start();
        return PlatformProperties.with(Deployments.platformEar(), Map.of(
                "db.url", database.jdbcUrl(),
                "sip.unavailable.retry.after", Integer.toString(RETRY_AFTER)));
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    @Test
    void optionsToAUserDuringAnOutageGets503WithRetryAfter() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            assertThat(optionsToBob(alice).getStatusCode()).isEqualTo(Response.TEMPORARILY_UNAVAILABLE);

            database.stop();
            Response unavailable;
            try {
                unavailable = optionsToBob(alice);
            } finally {
                database.start();
            }

            assertThat(unavailable.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
            assertThat(((RetryAfterHeader) unavailable.getHeader(RetryAfterHeader.NAME)).getRetryAfter())
                    .isEqualTo(RETRY_AFTER);
            // a pooled connection that died with the database may fail one more request before it leaves the pool
            Response again = Await.value("the edge answering from the store again", Duration.ofSeconds(20),
                    Duration.ofSeconds(1), () -> optionsToBob(alice),
                    answer -> answer.getStatusCode() != Response.SERVICE_UNAVAILABLE);
            assertThat(again.getStatusCode()).isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        }
    }

    private static Response optionsToBob(TestPhone phone) {
        return phone.send(phone.request(Request.OPTIONS, BOB, BOB));
    }
}
