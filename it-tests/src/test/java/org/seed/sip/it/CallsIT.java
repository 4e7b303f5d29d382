package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;

import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.phone.IncomingCall;
import org.seed.sip.it.phone.OutgoingCall;
import org.seed.sip.it.phone.ReceivedRequest;
import org.seed.sip.it.phone.Reply;
import org.seed.sip.it.phone.Sdp;
import org.seed.sip.it.phone.Sdp.Direction;
import org.seed.sip.it.phone.Softphone;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * Calls between two users through the B2BUA, each phone registered with the registrar: what each phone
 * sees of the other through the platform's two dialogs.
 *
 * <pre>
 *   alice                    platform                     bob
 *     |--- INVITE (offer) ------>|                          |
 *     |<-- 407 ------------------|                          |
 *     |--- INVITE + credentials->|                          |
 *     |<-- 100 ------------------|--- INVITE (same offer) ->|
 *     |<-- 180 ------------------|<-- 180 ------------------|
 *     |<-- 200 (bob's answer) ---|<-- 200 (answer) ---------|
 *     |--- ACK ----------------->|--- ACK ----------------->|
 *     |--- BYE ----------------->|--- BYE ----------------->|
 * </pre>
 */
class CallsIT extends CallTest {

    private static final String BOB = "sip:bob@127.0.0.1";

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void callIsAuthenticatedRungAnsweredAndHungUpWithTheSdpUnchanged() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        String offer = alice.media().offer();

        OutgoingCall call = alice.call(BOB, offer);
        IncomingCall ringing = bob.awaitCall();
        assertThat(ringing.sdp()).isEqualTo(offer);
        assertThat(ringing.invite().getHeader(FromHeader.NAME).toString()).contains("sip:alice@127.0.0.1");
        ringing.ring();
        assertThat(call.awaitProvisional(Response.RINGING).getStatusCode()).isEqualTo(Response.RINGING);
        String answer = bob.media().answer(offer);
        ringing.answer(answer);

        Response ok = call.awaitFinal();
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.body(ok)).isEqualTo(answer);
        assertThat(call.responses()).extracting(Response::getStatusCode)
                .contains(Response.PROXY_AUTHENTICATION_REQUIRED, Response.TRYING);
        call.ack();
        ringing.awaitAck();

        assertThat(call.bye().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
        // RFC 3261 §12.2.2: the call is gone on the platform too
        assertThat(call.staleRequest(Request.INFO).getStatusCode())
                .isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Test
    void lateOfferIsMadeByTheCalleeAndAnsweredInTheCallersAck() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");

        OutgoingCall call = alice.call(BOB, null);
        IncomingCall ringing = bob.awaitCall();
        assertThat(ringing.sdp()).isNull();
        String offer = bob.media().offer();
        ringing.answer(offer);
        Response ok = call.awaitFinal();
        assertThat(Sdp.body(ok)).isEqualTo(offer);
        String answer = alice.media().answer(offer);
        // the ACK of a 2xx after a 407 reaches the application (RestComm/sip-servlets #74)
        call.ack(answer);

        assertThat(ringing.awaitAck().body()).isEqualTo(answer);
    }

    @Test
    void calleeHangsUp() {
        Established call = establish();

        assertThat(call.incoming.bye().getStatusCode()).isEqualTo(Response.OK);

        assertThat(call.outgoing.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void cancelOfTheCallerCancelsTheLeg() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.ring();
        call.awaitProvisional(Response.RINGING);

        assertThat(call.cancel().getStatusCode()).isEqualTo(Response.OK);

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);
        assertThat(ringing.awaitCancel().response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.lastResponse().getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);
    }

    @Test
    void busyCalleeIsRelayed() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        bob.awaitCall().reject(Response.BUSY_HERE);

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);
    }

    @Test
    void declineIsRelayed() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        bob.awaitCall().reject(Response.DECLINE);

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.DECLINE);
    }

    @Test
    void holdAndResumeCrossThePlatform() {
        Established call = establish();

        Response held = call.outgoing.reInvite(call.alice.media().offer(Direction.SENDONLY));
        assertThat(held.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.direction(Sdp.body(held))).isEqualTo(Direction.RECVONLY);
        assertThat(Sdp.direction(call.incoming.awaitRequest(Request.INVITE).body())).isEqualTo(Direction.SENDONLY);
        call.incoming.awaitAck();

        Response resumed = call.outgoing.reInvite(call.alice.media().offer(Direction.SENDRECV));
        assertThat(Sdp.direction(Sdp.body(resumed))).isEqualTo(Direction.SENDRECV);
        assertThat(Sdp.port(Sdp.body(resumed))).isEqualTo(call.bob.media().rtpPort());
    }

    @Test
    void calleeHoldsWithInactive() {
        Established call = establish();

        Response held = call.incoming.reInvite(call.bob.media().offer(Direction.INACTIVE));

        assertThat(Sdp.direction(Sdp.body(held))).isEqualTo(Direction.INACTIVE);
        assertThat(Sdp.direction(call.outgoing.awaitRequest(Request.INVITE).body())).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void updateAndInfoAreRelayedBothWays() {
        Established call = establish();

        Response updated = call.incoming.update(call.bob.media().offer(Direction.SENDONLY));
        assertThat(updated.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.direction(Sdp.body(updated))).isEqualTo(Direction.RECVONLY);
        assertThat(call.outgoing.awaitRequest(Request.UPDATE).body()).contains("a=sendonly");

        assertThat(call.outgoing.info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n").getStatusCode())
                .isEqualTo(Response.OK);
        ReceivedRequest info = call.incoming.awaitRequest(Request.INFO);
        assertThat(info.body()).isEqualTo("Signal=5\r\nDuration=160\r\n");
        assertThat(info.header("Content-Type")).contains("application/dtmf-relay");
    }

    @Test
    void aReInviteCrossingOneThePlatformSentGets491() throws Exception {
        Established call = establish();
        call.incoming.replyTo(Request.INVITE, Reply.later());
        var aliceHolds = call.outgoing.startReInvite(call.alice.media().offer(Direction.SENDONLY));
        ReceivedRequest pending = call.incoming.awaitRequest(Request.INVITE);

        // RFC 3261 §14.2: bob's re-INVITE crosses alice's, which the platform has sent him
        assertThat(call.incoming.reInvite(call.bob.media().offer(Direction.SENDONLY)).getStatusCode())
                .isEqualTo(Response.REQUEST_PENDING);

        pending.respond(Response.OK, call.bob.media().answer(pending.body()));
        assertThat(aliceHolds.get(10, TimeUnit.SECONDS).getStatusCode())
                .isEqualTo(Response.OK);
    }

    @Test
    void reliableProgressIsRelayedAndAcknowledgedOnBothSides() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        String offer = alice.media().offer();
        OutgoingCall call = alice.call(BOB, offer, "Supported: 100rel");
        IncomingCall ringing = bob.awaitCall();

        String early = bob.media().answer(offer);
        ringing.progress(early, true);

        // RFC 3262: the platform PRACKs bob's reliable 183 and sends alice a reliable 183 of its own
        assertThat(ringing.awaitPrack().response().getStatusCode()).isEqualTo(Response.OK);
        Response progress = call.awaitProvisional(Response.SESSION_PROGRESS);
        assertThat(Sdp.body(progress)).isEqualTo(early);
        assertThat(progress.getHeader("RSeq")).isNotNull();
        ringing.answer(null);
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void updateInTheEarlyDialogIsAnsweredAsUpdate() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        String offer = alice.media().offer();
        OutgoingCall call = alice.call(BOB, offer);
        IncomingCall ringing = bob.awaitCall();
        ringing.provisional(Response.SESSION_PROGRESS, bob.media().answer(offer), false);
        call.awaitProvisional(Response.SESSION_PROGRESS);

        // RFC 3311 §5.1, answered as UPDATE, not on the INVITE (RestComm/sip-servlets #362)
        Response updated = call.update(alice.media().offer(Direction.SENDONLY));

        assertThat(updated.getStatusCode()).isEqualTo(Response.OK);
        assertThat(((CSeqHeader) updated.getHeader(CSeqHeader.NAME)).getMethod()).isEqualTo(Request.UPDATE);
        assertThat(ringing.awaitRequest(Request.UPDATE).body()).contains("a=sendonly");
        ringing.answer(null);
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void aCalleeRegisteredOverTcpIsCalledOverItsConnection() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob", ListeningPoint.TCP);
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        IncomingCall ringing = bob.awaitCall();

        assertThat(((ViaHeader) ringing.invite().getHeader(ViaHeader.NAME)).getTransport()).isEqualToIgnoringCase("TCP");
        ringing.answer(bob.media().answer(ringing.sdp()));
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        ringing.awaitAck();
        assertThat(call.bye().getStatusCode()).isEqualTo(Response.OK);
        ringing.awaitRequest(Request.BYE);
    }

    @Test
    void aCalleeRegisteredThroughAProxyIsCalledThroughItsPath() throws Exception {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.unregistered("bob");
        try (TestPhone edgeProxy = TestPhone.open("edge", "127.0.0.1", null)) {
            String path = "<sip:127.0.0.1:" + edgeProxy.localPort() + ";lr>";
            Request register = bob.sip().register(300);
            bob.sip().addHeader(register, "Path", path);
            bob.sip().addHeader(register, "Supported", "path");
            assertThat(bob.sip().sendAuthenticated(register, RunningPlatform.DEMO_PASSWORD).getStatusCode())
                    .isEqualTo(Response.OK);
            try {
                OutgoingCall call = alice.call(BOB, alice.media().offer());

                // RFC 3327 §5.3: the leg goes to the proxy that recorded the Path, for the registered contact
                RequestEvent atProxy = edgeProxy.nextRequest(Duration.ofSeconds(10));
                assertThat(atProxy).as("INVITE at the edge proxy").isNotNull();
                Request invite = atProxy.getRequest();
                assertThat(invite.getMethod()).isEqualTo(Request.INVITE);
                assertThat(invite.getRequestURI().toString()).isEqualTo(bob.contactUri());
                assertThat(invite.getHeader("Route").toString()).contains("127.0.0.1:" + edgeProxy.localPort());
                edgeProxy.answer(atProxy, Response.BUSY_HERE);
                assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);
            } finally {
                bob.register(0);
            }
        }
    }

    @Test
    void unknownUserIsNotFound() {
        Softphone alice = phones.unregistered("alice");

        assertThat(alice.call("sip:nobody@127.0.0.1", alice.media().offer()).awaitFinal().getStatusCode())
                .isEqualTo(Response.NOT_FOUND);
    }

    @Test
    void userWithoutBindingIsTemporarilyUnavailable() {
        Softphone alice = phones.unregistered("alice");

        assertThat(alice.call(BOB, alice.media().offer()).awaitFinal().getStatusCode())
                .isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
    }

    @Test
    void aCallNeitherFromNorToOurUsersIsRefused() {
        try (Softphone stranger = Softphone.open("mallory", "elsewhere.example", "none", platform.sipAddress())) {
            Response answer = stranger.call("sip:victim@other.example", stranger.media().offer()).awaitFinal();

            assertThat(answer.getStatusCode()).isEqualTo(Response.FORBIDDEN);
        }
    }

    @Test
    void aForeignCallerReachesOurUserWithoutCredentials() {
        Softphone bob = phones.registered("bob");
        try (Softphone carol = Softphone.open("carol", "elsewhere.example", "none", platform.sipAddress())) {
            OutgoingCall call = carol.call(BOB, carol.media().offer());
            IncomingCall ringing = bob.awaitCall();
            assertThat(ringing.invite().getHeader(FromHeader.NAME).toString()).contains("carol@elsewhere.example");
            ringing.answer(bob.media().answer(ringing.sdp()));

            Response ok = call.awaitFinal();
            assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
            assertThat(call.responses()).extracting(Response::getStatusCode)
                    .doesNotContain(Response.PROXY_AUTHENTICATION_REQUIRED);
            call.ack();
            call.bye();
        }
    }

    @Test
    void aUserCallsOnlyInItsOwnName() {
        phones.registered("bob");
        TestPhone alice = phones.unregistered("alice").sip();
        Request invite = alice.request(Request.INVITE, BOB, BOB);
        // alice's credentials in an INVITE whose From says carol: the callee would see a forged caller
        alice.setHeader(invite, FromHeader.NAME, "<sip:carol@127.0.0.1>;tag=forged");

        assertThat(alice.sendAuthenticated(invite, RunningPlatform.DEMO_PASSWORD).getStatusCode())
                .isEqualTo(Response.FORBIDDEN);
    }

    @Test
    void maxForwardsZeroIsTooManyHops() {
        TestPhone alice = phones.unregistered("alice").sip();
        phones.registered("bob");
        Request invite = alice.request(Request.INVITE, BOB, BOB);
        alice.setHeader(invite, "Max-Forwards", "0");

        // RFC 3261 §16.3 step 2, as a B2BUA must too, or two of them could loop a call for ever
        Response answer = alice.send(invite);

        assertThat(answer.getStatusCode()).isEqualTo(Response.TOO_MANY_HOPS);
    }

    @Test
    void optionsToARegisteredUserIsAnsweredByItsPhone() {
        TestPhone alice = phones.unregistered("alice").sip();
        Softphone bob = phones.registered("bob");

        Response answer = alice.sendAuthenticated(alice.request(Request.OPTIONS, BOB, BOB), RunningPlatform.DEMO_PASSWORD);

        // the platform never answers 200 for a user itself: this is bob's phone's answer, with its Allow
        assertThat(bob.awaitOptions().method()).isEqualTo(Request.OPTIONS);
        assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        assertThat(answer.getHeaders("Allow").hasNext()).isTrue();
    }

    private Established establish() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        String offer = alice.media().offer();
        OutgoingCall call = alice.call(BOB, offer);
        IncomingCall ringing = bob.awaitCall();
        ringing.answer(bob.media().answer(offer));
        assertThat(call.awaitFinal(Duration.ofSeconds(10)).getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        ringing.awaitAck();
        return new Established(alice, bob, call, ringing);
    }

    private record Established(Softphone alice, Softphone bob, OutgoingCall outgoing, IncomingCall incoming) {
    }
}
