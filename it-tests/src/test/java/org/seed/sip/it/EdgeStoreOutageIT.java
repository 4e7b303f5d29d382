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
 * The edge answers a request to a user that no application takes (here a SUBSCRIBE for a package nothing
 * serves) after asking the store whether the user exists; when the store is down it answers as every
 * application does, 503 with Retry-After, and from the store again once it is back.
 *
 * <pre>
 *   phone                           edge-app                   database
 *     |--- SUBSCRIBE sip:bob dialog->|-- account, bindings ----->|
 *     |<-- 489 ----------------------|                           X  stopped
 *     |--- SUBSCRIBE sip:bob dialog->|-- no connection --------->X
 *     |<-- 503, Retry-After: 7 ------|                           |  started again
 *     |--- SUBSCRIBE sip:bob dialog->|-------------------------->|
 *     |<-- 489 ----------------------|
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
    void aRequestToAUserDuringAnOutageGets503WithRetryAfter() {
        try (TestPhone alice = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            assertThat(unservedSubscribeToBob(alice).getStatusCode()).isEqualTo(Response.BAD_EVENT);

            database.stop();
            Response unavailable;
            try {
                unavailable = unservedSubscribeToBob(alice);
            } finally {
                database.start();
            }

            assertThat(unavailable.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
            assertThat(((RetryAfterHeader) unavailable.getHeader(RetryAfterHeader.NAME)).getRetryAfter())
                    .isEqualTo(RETRY_AFTER);
            // a pooled connection that died with the database may fail one more request before it leaves the pool
            Response again = Await.value("the edge answering from the store again", Duration.ofSeconds(20),
                    Duration.ofSeconds(1), () -> unservedSubscribeToBob(alice),
                    answer -> answer.getStatusCode() != Response.SERVICE_UNAVAILABLE);
            assertThat(again.getStatusCode()).isEqualTo(Response.BAD_EVENT);
        }
    }

    private static Response unservedSubscribeToBob(TestPhone phone) {
        Request subscribe = phone.request(Request.SUBSCRIBE, BOB, BOB);
        phone.setHeader(subscribe, "Event", "dialog");
        return phone.send(subscribe);
    }
}
