package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.phone.IncomingCall;
import org.seed.sip.it.phone.OutgoingCall;
import org.seed.sip.it.phone.ReceivedRequest;
import org.seed.sip.it.phone.Softphone;

/**
 * Session timers running (RFC 4028 §10), at the shortest interval the RFC allows (90 s): the platform
 * refreshes the caller's dialog, whose phone does not do session timers, at half the interval; the callee
 * said it would refresh its dialog and does not, so the platform ends the call on both sides before the
 * interval is over. A call whose phones vanished is not kept for ever.
 *
 * <pre>
 *   alice (no timer)          platform                      bob (refresher=uas)
 *     |--- INVITE ---------------->|--- INVITE, Session-Expires: 90 ->|
 *     |<-- 200, SE: 90;refresher=uas|<-- 200, SE: 90;refresher=uas ---|
 *     |<-- UPDATE (45 s) ----------|                                  |  (bob never refreshes)
 *     |<-- BYE (60 s) -------------|--- BYE ------------------------->|
 * </pre>
 */
class SessionRefreshIT extends PlatformTest {

    private static final String BOB = "sip:bob@127.0.0.1";
    private static final int INTERVAL = 90;

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of(
                "b2bua.session.expires", Integer.toString(INTERVAL),
                "b2bua.session.min.se", Integer.toString(INTERVAL)));
    }

    @Test
    void thePlatformRefreshesWhatItMustAndEndsASessionNobodyRefreshed() {
        try (Phones phones = new Phones(platform)) {
            Softphone alice = phones.unregistered("alice");
            Softphone bob = phones.registered("bob");
            OutgoingCall call = alice.call(BOB, alice.media().offer());
            IncomingCall ringing = bob.awaitCall();
            ringing.respond(Response.OK, bob.media().answer(ringing.sdp()), "Session-Expires: 90;refresher=uas",
                    "Require: timer");
            Response ok = call.awaitFinal();
            Instant answered = Instant.now();
            assertThat(ok.getHeader("Session-Expires").toString()).contains("refresher=uas");
            call.ack();

            // §10: the refresher refreshes at half the interval
            ReceivedRequest refresh = call.awaitRequest(Request.UPDATE, Duration.ofSeconds(INTERVAL / 2 + 10));
            assertThat(refresh.response().getStatusCode()).isEqualTo(Response.OK);
            assertThat(Duration.between(answered, Instant.now())).isGreaterThan(Duration.ofSeconds(INTERVAL / 2 - 5));
            assertThat(refresh.header("Session-Expires")).contains("90");

            // §10: the other side gives up min(32, interval/3) seconds before the interval ends
            Duration expiry = Duration.ofSeconds(INTERVAL - INTERVAL / 3 + 10);
            assertThat(ringing.awaitRequest(Request.BYE, expiry).response().getStatusCode()).isEqualTo(Response.OK);
            assertThat(call.awaitRequest(Request.BYE, Duration.ofSeconds(5)).response().getStatusCode())
                    .isEqualTo(Response.OK);
            assertThat(Duration.between(answered, Instant.now())).isLessThan(Duration.ofSeconds(INTERVAL));
        }
    }
}
