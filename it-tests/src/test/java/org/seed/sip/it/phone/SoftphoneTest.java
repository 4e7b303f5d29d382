package org.seed.sip.it.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ListeningPoint;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.Await;
import org.seed.sip.it.phone.Sdp.Direction;

/**
 * The call-capable test phone proven without a platform: two {@link Softphone}s call each other directly over
 * loopback, so that when a B2BUA test fails, the fault is the platform's, not the phone's.
 *
 * <pre>
 *   alice                          bob
 *     |--- INVITE (offer) ---------->|
 *     |<-- 180 ----------------------|
 *     |<-- 200 (answer) -------------|
 *     |--- ACK ---------------------->|
 *     |--- re-INVITE sendonly ------->|   hold
 *     |<-- 200 recvonly -------------|
 *     |--- ACK ---------------------->|
 *     |--- BYE ---------------------->|
 *     |<-- 200 ----------------------|
 * </pre>
 */
class SoftphoneTest {

    private Softphone alice;
    private Softphone bob;

    @BeforeEach
    void phones() {
        alice = Softphone.direct("alice", "alice-secret", ListeningPoint.UDP);
        bob = Softphone.direct("bob", "bob-secret", ListeningPoint.UDP);
    }

    @AfterEach
    void close() {
        // a JAIN-SIP stack takes a second to stop: both at once
        CompletableFuture.allOf(CompletableFuture.runAsync(alice::close), CompletableFuture.runAsync(bob::close)).join();
    }

    @Test
    void callIsRungAnsweredAckedAndHungUp() {
        String offer = alice.media().offer();
        OutgoingCall call = alice.call(bob.contactUri(), offer);
        IncomingCall ringing = bob.awaitCall();
        assertThat(ringing.sdp()).isEqualTo(offer);
        assertThat(ringing.invite().getHeader(CallIdHeader.NAME)).isEqualTo(call.invite().getHeader(CallIdHeader.NAME));

        ringing.ring();
        assertThat(call.awaitProvisional(Response.RINGING).getStatusCode()).isEqualTo(Response.RINGING);
        String answer = bob.media().answer(ringing.sdp());
        ringing.answer(answer);
        Response ok = call.awaitFinal();
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.body(ok)).isEqualTo(answer);
        call.ack();
        assertThat(ringing.awaitAck().body()).isNull();
        assertThat(call.dialog().getState()).isEqualTo(DialogState.CONFIRMED);

        assertThat(call.bye().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.isTerminated()).isTrue();
        assertThat(call.staleRequest(Request.INFO).getStatusCode()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Test
    void updateInTheEarlyDialogIsAnsweredBeforeTheCall() {
        String offer = alice.media().offer();
        OutgoingCall call = alice.call(bob.contactUri(), offer);
        IncomingCall ringing = bob.awaitCall();
        ringing.provisional(Response.SESSION_PROGRESS, bob.media().answer(offer), false);
        call.awaitProvisional(Response.SESSION_PROGRESS);

        // RFC 3311 §5.1: an UPDATE in the early dialog, answered there, not on the INVITE (RestComm #362)
        Response updated = call.update(alice.media().offer(Direction.SENDONLY));
        assertThat(updated.getStatusCode()).isEqualTo(Response.OK);
        assertThat(((CSeqHeader) updated.getHeader(CSeqHeader.NAME)).getMethod()).isEqualTo(Request.UPDATE);
        assertThat(Sdp.direction(Sdp.body(updated))).isEqualTo(Direction.RECVONLY);
        assertThat(ringing.awaitRequest(Request.UPDATE).body()).contains("a=sendonly");

        ringing.answer(null);
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        ringing.awaitAck();
    }

    @Test
    void holdAndResumeByReInviteAreAnsweredWithTheMirroredDirection() {
        Established call = establish(alice.media().offer());

        Response held = call.outgoing.reInvite(alice.media().offer(Direction.SENDONLY));
        assertThat(held.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.direction(Sdp.body(held))).isEqualTo(Direction.RECVONLY);
        assertThat(Sdp.direction(call.incoming.awaitRequest(Request.INVITE).body())).isEqualTo(Direction.SENDONLY);
        call.incoming.awaitAck();

        Response resumed = call.outgoing.reInvite(alice.media().offer(Direction.SENDRECV));
        assertThat(Sdp.direction(Sdp.body(resumed))).isEqualTo(Direction.SENDRECV);
        assertThat(Sdp.port(Sdp.body(resumed))).isEqualTo(bob.media().rtpPort());
    }

    @Test
    void updateAndInfoGoBothWaysInTheDialog() {
        Established call = establish(alice.media().offer());

        Response updated = call.incoming.update(bob.media().offer(Direction.INACTIVE));
        assertThat(updated.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.direction(Sdp.body(updated))).isEqualTo(Direction.INACTIVE);
        assertThat(call.outgoing.awaitRequest(Request.UPDATE).response().getHeader(ContactHeader.NAME)).isNotNull();

        assertThat(call.outgoing.info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n").getStatusCode())
                .isEqualTo(Response.OK);
        assertThat(call.incoming.awaitRequest(Request.INFO).body()).contains("Signal=5");
    }

    @Test
    void aReInviteRefusedAsTheTestSaysKeepsTheCall() {
        Established call = establish(alice.media().offer());
        call.incoming.replyTo(Request.INVITE, Reply.status(Response.REQUEST_PENDING));

        assertThat(call.outgoing.reInvite(alice.media().offer(Direction.SENDONLY)).getStatusCode())
                .isEqualTo(Response.REQUEST_PENDING);
        assertThat(call.outgoing.info("application/dtmf-relay", "Signal=1\r\n").getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void reInvitesCrossingInTheDialogGet491() {
        Established call = establish(alice.media().offer());
        call.incoming.replyTo(Request.INVITE, Reply.later());
        var aliceHolds = call.outgoing.startReInvite(alice.media().offer(Direction.SENDONLY));
        ReceivedRequest pending = call.incoming.awaitRequest(Request.INVITE);

        // RFC 3261 §14.1: alice's own re-INVITE is pending, so bob's meets 491 from her stack
        assertThat(call.incoming.reInvite(bob.media().offer(Direction.SENDONLY)).getStatusCode())
                .isEqualTo(Response.REQUEST_PENDING);
        pending.respond(Response.OK, bob.media().answer(pending.body()));
        assertThat(TestPhone.await(Request.INVITE, aliceHolds, TestPhone.ANSWER_TIMEOUT).getStatusCode())
                .isEqualTo(Response.OK);
        call.incoming.awaitAck();
    }

    @Test
    void a200RetransmittedForWantOfAnAckIsKeptAsStray() {
        OutgoingCall call = alice.call(bob.contactUri(), alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.answer(bob.media().answer(ringing.sdp()));
        Response ok = call.awaitFinal();

        // RFC 3261 §13.3.1.4: bob's stack sends the 200 again after T1 while no ACK comes
        Await.until("a retransmitted 200", Duration.ofSeconds(5), () -> !call.strayResponses().isEmpty());
        assertThat(call.strayResponses().get(0).getHeader(ToHeader.NAME)).isEqualTo(ok.getHeader(ToHeader.NAME));
        call.ack();
        ringing.awaitAck();
    }

    @Test
    void calleeHangsUp() {
        Established call = establish(alice.media().offer());

        assertThat(call.incoming.bye().getStatusCode()).isEqualTo(Response.OK);
        assertThat(call.outgoing.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(call.outgoing.isTerminated()).isTrue();
    }

    @Test
    void cancelOfARingingCallGets487() {
        OutgoingCall call = alice.call(bob.contactUri(), alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.ring();
        call.awaitProvisional(Response.RINGING);

        assertThat(call.cancel().getStatusCode()).isEqualTo(Response.OK);
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);
        assertThat(ringing.awaitCancel().response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.lastResponse().getStatusCode()).isEqualTo(Response.REQUEST_TERMINATED);
    }

    @Test
    void lateOfferIsMadeInThe200AndAnsweredInTheAck() {
        OutgoingCall call = alice.call(bob.contactUri(), null);
        IncomingCall ringing = bob.awaitCall();
        assertThat(ringing.sdp()).isNull();

        ringing.answer(bob.media().offer());
        String offer = Sdp.body(call.awaitFinal());
        call.ack(alice.media().answer(offer));

        String answer = ringing.awaitAck().body();
        assertThat(Sdp.port(answer)).isEqualTo(alice.media().rtpPort());
        assertThat(Sdp.formats(answer)).containsExactly("0", "8", "101");
    }

    @Test
    void reliableProgressIsPrackedBeforeTheAnswer() {
        String offer = alice.media().offer();
        OutgoingCall call = alice.call(bob.contactUri(), offer, "Supported: 100rel");
        IncomingCall ringing = bob.awaitCall();

        ringing.progress(bob.media().answer(offer), true);
        Response progress = call.awaitProvisional(Response.SESSION_PROGRESS);
        assertThat(progress.getHeader("RSeq")).isNotNull();
        assertThat(Sdp.port(Sdp.body(progress))).isEqualTo(bob.media().rtpPort());
        assertThat(ringing.awaitPrack().response().getStatusCode()).isEqualTo(Response.OK);

        ringing.answer(bob.media().answer(offer));
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void proxyChallengeIsAnsweredOnceWithTheNextCSeqAndTheSameCallId() {
        OutgoingCall call = alice.call(bob.contactUri(), alice.media().offer());
        IncomingCall first = bob.awaitCall();
        first.reject(Response.PROXY_AUTHENTICATION_REQUIRED,
                "Proxy-Authenticate: Digest realm=\"127.0.0.1\", nonce=\"n0nce\", algorithm=MD5, qop=\"auth\"");

        IncomingCall retry = bob.awaitCall();
        assertThat(retry.header(CallIdHeader.NAME)).isEqualTo(first.header(CallIdHeader.NAME));
        assertThat(seq(retry.invite())).isEqualTo(seq(first.invite()) + 1);
        ProxyAuthorizationHeader credentials = (ProxyAuthorizationHeader) retry.invite()
                .getHeader(ProxyAuthorizationHeader.NAME);
        assertThat(credentials.getUsername()).isEqualTo("alice");
        assertThat(credentials.getNonce()).isEqualTo("n0nce");

        retry.reject(Response.PROXY_AUTHENTICATION_REQUIRED,
                "Proxy-Authenticate: Digest realm=\"127.0.0.1\", nonce=\"again\", algorithm=MD5, qop=\"auth\"");
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.PROXY_AUTHENTICATION_REQUIRED);
        assertThat(call.responses()).filteredOn(response -> response.getStatusCode() >= 200)
                .extracting(Response::getStatusCode)
                .containsExactly(Response.PROXY_AUTHENTICATION_REQUIRED, Response.PROXY_AUTHENTICATION_REQUIRED);
    }

    @Test
    void refusalAndRedirectionReachTheCaller() {
        OutgoingCall busy = alice.call(bob.contactUri(), alice.media().offer());
        bob.awaitCall().reject(Response.BUSY_HERE);
        assertThat(busy.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);

        OutgoingCall moved = alice.call(bob.contactUri(), alice.media().offer());
        bob.awaitCall().redirect(Response.MOVED_TEMPORARILY, "<sip:carol@127.0.0.1:5999>;q=0.7",
                "<sip:dave@127.0.0.1:5998>;q=0.3");
        Response redirect = moved.awaitFinal();
        assertThat(redirect.getStatusCode()).isEqualTo(Response.MOVED_TEMPORARILY);
        List<String> contacts = new ArrayList<>();
        redirect.getHeaders(ContactHeader.NAME).forEachRemaining(header -> contacts.add(
                ((ContactHeader) header).getAddress().getURI() + " q=" + ((ContactHeader) header).getQValue()));
        assertThat(contacts).containsExactly("sip:carol@127.0.0.1:5999 q=0.7", "sip:dave@127.0.0.1:5998 q=0.3");
    }

    @Test
    void referGets202AndItsNotifiesAreAnswered() {
        Established call = establish(alice.media().offer());
        call.incoming.replyTo(Request.REFER, Reply.status(Response.ACCEPTED));

        assertThat(call.outgoing.refer("sip:carol@127.0.0.1").getStatusCode()).isEqualTo(Response.ACCEPTED);
        assertThat(call.incoming.awaitRequest(Request.REFER).header("Refer-To")).isEqualTo("<sip:carol@127.0.0.1>");
        Response notified = call.incoming.request(Request.NOTIFY, "message/sipfrag;version=2.0", "SIP/2.0 200 OK\r\n",
                "Event: refer", "Subscription-State: terminated;reason=noresource");

        assertThat(notified.getStatusCode()).isEqualTo(Response.OK);
        ReceivedRequest notify = call.outgoing.awaitRequest(Request.NOTIFY);
        assertThat(notify.body()).startsWith("SIP/2.0 200 OK");
        assertThat(notify.header("Event")).startsWith("refer");
    }

    @Test
    void aReplacesInTheReferToNamesTheDialogAsItsFarSideKnowsIt() {
        try (Softphone carol = Softphone.direct("carol", "carol-secret", ListeningPoint.UDP)) {
            Established withBob = establish(alice.media().offer());
            OutgoingCall withCarol = alice.call(carol.contactUri(), alice.media().offer());
            IncomingCall atCarol = carol.awaitCall();
            atCarol.answer(carol.media().answer(atCarol.sdp()));
            withCarol.awaitFinal();
            withCarol.ack();
            withBob.incoming.replyTo(Request.REFER, Reply.status(Response.ACCEPTED));

            // attended transfer: alice refers bob to carol, replacing her call with carol
            withBob.outgoing.refer(withCarol.referToReplacing(carol.contactUri()));
            String referTo = withBob.incoming.awaitRequest(Request.REFER).header("Refer-To");
            String replaces = URLDecoder.decode(referTo.substring(referTo.indexOf("?Replaces=") + "?Replaces=".length(),
                    referTo.length() - 1), StandardCharsets.UTF_8);
            bob.call(carol.contactUri(), bob.media().offer(), "Replaces: " + replaces);

            Dialog replaced = atCarol.dialog();
            assertThat(carol.awaitCall().header("Replaces")).isEqualTo(replaced.getCallId().getCallId()
                    + ";to-tag=" + replaced.getLocalTag() + ";from-tag=" + replaced.getRemoteTag());
        }
    }

    @Test
    void optionsOutsideCallsAreAnsweredWithWhatThePhoneAllows() {
        String target = bob.contactUri();
        Request options = alice.sip().request(Request.OPTIONS, target, target);
        Response answer = alice.sip().send(options);

        assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        assertThat(answer.toString()).contains("UPDATE").contains("Accept: application/sdp");
        assertThat(bob.awaitOptions().request().getHeader(CallIdHeader.NAME)).isEqualTo(options.getHeader(CallIdHeader.NAME));
    }

    @Test
    void twoCallsToOnePhoneKeepTheirOwnDialogs() {
        OutgoingCall first = alice.call(bob.contactUri(), alice.media().offer());
        IncomingCall firstIn = bob.awaitCall();
        OutgoingCall second = alice.call(bob.contactUri(), alice.media().offer());
        IncomingCall secondIn = bob.awaitCall();
        assertThat(secondIn.invite().getHeader(CallIdHeader.NAME)).isEqualTo(second.invite().getHeader(CallIdHeader.NAME));

        secondIn.answer(bob.media().answer(secondIn.sdp()));
        firstIn.reject(Response.DECLINE);
        assertThat(first.awaitFinal().getStatusCode()).isEqualTo(Response.DECLINE);
        assertThat(second.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        second.ack();
        secondIn.awaitAck();
        assertThat(second.bye().getStatusCode()).isEqualTo(Response.OK);
        assertThat(secondIn.awaitRequest(Request.BYE)).isNotNull();
        assertThat(firstIn.received()).isEmpty();
    }

    @Test
    void aCallOverTcp() {
        try (Softphone carol = Softphone.direct("carol", "carol-secret", ListeningPoint.TCP);
             Softphone dave = Softphone.direct("dave", "dave-secret", ListeningPoint.TCP)) {
            dave.whenCalled(call -> call.answer(dave.media().answer(call.sdp())));
            OutgoingCall call = carol.call(dave.contactUri(), carol.media().offer());

            assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
            call.ack();
            dave.awaitCall().awaitAck();
            assertThat(call.bye().getStatusCode()).isEqualTo(Response.OK);
        }
    }

    private Established establish(String offer) {
        OutgoingCall outgoing = alice.call(bob.contactUri(), offer);
        IncomingCall incoming = bob.awaitCall();
        incoming.answer(bob.media().answer(offer));
        assertThat(outgoing.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        outgoing.ack();
        incoming.awaitAck();
        return new Established(outgoing, incoming);
    }

    private static long seq(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    private record Established(OutgoingCall outgoing, IncomingCall incoming) {
    }
}
