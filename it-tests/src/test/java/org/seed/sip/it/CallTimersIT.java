package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.phone.IncomingCall;
import org.seed.sip.it.phone.OutgoingCall;
import org.seed.sip.it.phone.Softphone;

/**
 * The timers of a call: nobody answers within {@code b2bua.ring.timeout} (480, the legs cancelled); a call
 * lasting {@code b2bua.max.duration} is ended on both sides; session timers (RFC 4028) are asked for on
 * the callee's leg and granted on the caller's, and a too short interval is refused with 422. (This
 * platform also relays a phone's redirect instead of following it, {@code b2bua.redirect.follow=false}.)
 *
 * <pre>
 *   alice                 platform                  bob
 *     |--- INVITE ------------>|--- INVITE, Session-Expires ->|
 *     |                        |<-- 180 ----------------------|
 *     |<-- 480 (ring timeout)--|--- CANCEL ------------------>|
 *   ...
 *     |<-- 200, Session-Expires|<-- 200 ----------------------|
 *     |<-- BYE (max duration) -|--- BYE --------------------->|
 * </pre>
 */
class CallTimersIT extends CallTest {

    private static final String BOB = "sip:bob@127.0.0.1";
    /** RFC 4028 §6, which JAIN-SIP's Response has no constant for. */
    private static final int SESSION_INTERVAL_TOO_SMALL = 422;
    private static final int RING_SECONDS = 2;
    private static final int MAX_DURATION_SECONDS = 3;

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of(
                "b2bua.ring.timeout", Integer.toString(RING_SECONDS),
                "b2bua.max.duration", Integer.toString(MAX_DURATION_SECONDS),
                "b2bua.session.expires", "600",
                "b2bua.session.min.se", "120",
                "b2bua.redirect.follow", "false"));
    }

    @Test
    void nobodyAnsweringInTheRingTimeIsTemporarilyUnavailable() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.ring();

        Response answer = call.awaitFinal(Duration.ofSeconds(RING_SECONDS + 5));

        assertThat(answer.getStatusCode()).isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        assertThat(ringing.awaitCancel().response().getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void aCallIsEndedOnBothSidesAfterTheMaximumDuration() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.answer(bob.media().answer(ringing.sdp()));
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();

        Duration within = Duration.ofSeconds(MAX_DURATION_SECONDS + 5);
        assertThat(call.awaitRequest(Request.BYE, within).response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.awaitRequest(Request.BYE, within).response().getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void sessionTimersAreAskedOfTheCalleeAndGrantedToTheCaller() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer(), "Supported: timer", "Session-Expires: 1800");
        IncomingCall ringing = bob.awaitCall();

        // RFC 4028 §7.1: the platform's own interval on its leg, nothing of alice's copied across
        assertThat(ringing.header("Session-Expires")).isEqualTo("600");
        assertThat(ringing.header("Min-SE")).isEqualTo("120");
        assertThat(ringing.header("Supported")).contains("timer");
        ringing.respond(Response.OK, bob.media().answer(ringing.sdp()), "Session-Expires: 600;refresher=uac",
                "Require: timer");

        Response ok = call.awaitFinal();
        // RFC 4028 §9: alice's 1800 s shortened to the platform's 600, alice (the UAC) refreshing
        assertThat(ok.getHeader("Session-Expires").toString()).contains("600").contains("refresher=uac");
        assertThat(ok.getHeader("Require").toString()).contains("timer");
        call.ack();
    }

    @Test
    void aRedirectOfThePhoneIsRelayedWhenNotFollowed() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        bob.awaitCall().redirect(Response.MOVED_TEMPORARILY, "<sip:bob@elsewhere.example>;q=0.7");

        Response moved = call.awaitFinal();
        assertThat(moved.getStatusCode()).isEqualTo(Response.MOVED_TEMPORARILY);
        assertThat(moved.getHeader("Contact").toString()).contains("sip:bob@elsewhere.example");
    }

    @Test
    void aSessionIntervalBelowTheMinimumIsRefusedWith422() {
        Softphone alice = phones.unregistered("alice");
        phones.registered("bob");

        Response answer = alice.call(BOB, alice.media().offer(), "Supported: timer", "Session-Expires: 100")
                .awaitFinal();

        assertThat(answer.getStatusCode()).isEqualTo(SESSION_INTERVAL_TOO_SMALL);
        assertThat(answer.getHeader("Min-SE").toString()).contains("120");
    }
}
