package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.phone.IncomingCall;
import org.seed.sip.it.phone.OutgoingCall;
import org.seed.sip.it.phone.Sdp;
import org.seed.sip.it.phone.Softphone;

/**
 * A user with several phones: equal q rung together, lower q after the serial timeout, the first answer
 * wins and the others are cancelled, a late second answer is accepted and hung up; a redirect of a phone is
 * followed. The caller sees one dialog whatever happens behind.
 *
 * <pre>
 *   alice              platform              bob's desk (q=1)   bob's mobile (q=1)   bob's tablet (q=0.5)
 *     |--- INVITE ------->|--- INVITE -------->|                    |                    |
 *     |                   |--- INVITE ----------------------------->|                    |
 *     |<-- 200 -----------|<-- 200 ------------|                    |                    |
 *     |                   |--- CANCEL ----------------------------->|  (tablet never rung)
 * </pre>
 */
class ForkingIT extends CallTest {

    private static final String BOB = "sip:bob@127.0.0.1";
    private static final int SERIAL_SECONDS = 2;

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of(
                "b2bua.fork.serial.timeout", Integer.toString(SERIAL_SECONDS)));
    }

    @Test
    void equalQRingsTogetherAndTheFirstAnswerCancelsTheOther() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob", 1.0);
        Softphone mobile = phones.registered("bob", 1.0);
        Softphone tablet = phones.registered("bob", 0.5);
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        IncomingCall atDesk = desk.awaitCall();
        IncomingCall onMobile = mobile.awaitCall();
        atDesk.ring();
        onMobile.ring();
        atDesk.answer(desk.media().answer(atDesk.sdp()));

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        assertThat(onMobile.awaitCancel().response().getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        atDesk.awaitAck();
        assertThat(tablet.incomingCalls()).as("the lower q, never reached").isEmpty();
        call.bye();
        atDesk.awaitRequest(Request.BYE);
    }

    @Test
    void lowerQRingsAfterTheSerialTimeoutAndTheHigherIsCancelled() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob", 0.9);
        Softphone tablet = phones.registered("bob", 0.2);
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        IncomingCall atDesk = desk.awaitCall();
        atDesk.ring();
        assertThat(tablet.incomingCalls()).as("before the serial timeout").isEmpty();
        IncomingCall onTablet = tablet.awaitCall(Duration.ofSeconds(SERIAL_SECONDS + 5));

        assertThat(atDesk.awaitCancel().response().getStatusCode()).isEqualTo(Response.OK);
        onTablet.answer(tablet.media().answer(onTablet.sdp()));
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        onTablet.awaitAck();
    }

    @Test
    void aBusyPhoneLetsTheLowerQRingAtOnce() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob", 0.9);
        Softphone tablet = phones.registered("bob", 0.2);
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        desk.awaitCall().reject(Response.BUSY_HERE);
        IncomingCall onTablet = tablet.awaitCall(Duration.ofSeconds(SERIAL_SECONDS - 1));
        onTablet.reject(Response.TEMPORARILY_UNAVAILABLE);

        // RFC 3261 §16.7 step 6: of 486 and 480, busy is the answer the caller can act on
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);
    }

    @Test
    void aDeclineOfOnePhoneEndsTheCallOnAll() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob", 1.0);
        Softphone mobile = phones.registered("bob", 1.0);
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        IncomingCall atDesk = desk.awaitCall();
        IncomingCall onMobile = mobile.awaitCall();
        onMobile.ring();
        atDesk.reject(Response.DECLINE);

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.DECLINE);
        onMobile.awaitCancel();
    }

    @Test
    void aSecondAnswerIsAcceptedAndHungUpAndTheCallerSeesOneDialog() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob", 1.0);
        Softphone mobile = phones.registered("bob", 1.0);
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall atDesk = desk.awaitCall();
        IncomingCall onMobile = mobile.awaitCall();
        assertThat(onMobile.invite().getHeader(CallIdHeader.NAME)).as("each leg a dialog of its own")
                .isNotEqualTo(atDesk.invite().getHeader(CallIdHeader.NAME));

        // both answer before the platform can cancel either
        atDesk.answer(desk.media().answer(atDesk.sdp()));
        onMobile.answer(mobile.media().answer(onMobile.sdp()));

        Response ok = call.awaitFinal();
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        boolean deskWon = Sdp.port(Sdp.body(ok)) == desk.media().rtpPort();
        IncomingCall late = deskWon ? onMobile : atDesk;
        // RFC 3261 §13.2.2.4 for a B2BUA: the second 2xx is acknowledged and its dialog ended at once (the ACK
        // and the BYE leave together; the phone's stack may hand it the BYE first and drop the ACK)
        assertThat(late.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(late.isTerminated()).isTrue();
        (deskWon ? atDesk : onMobile).awaitAck();
        Dialogs.assertSingleDialog(call, ok);
    }

    @Test
    void aRedirectOfAPhoneIsFollowed() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob");
        Softphone elsewhere = phones.unregistered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        desk.awaitCall().redirect(Response.MOVED_TEMPORARILY, "<" + elsewhere.contactUri() + ">");
        IncomingCall there = elsewhere.awaitCall();
        there.answer(elsewhere.media().answer(there.sdp()));

        Response ok = call.awaitFinal();
        assertThat(ok.getStatusCode()).isEqualTo(Response.OK);
        assertThat(call.responses()).extracting(Response::getStatusCode).doesNotContain(Response.MOVED_TEMPORARILY);
        call.ack();
        there.awaitAck();
    }

    @Test
    void aRedirectLoopEndsWithTheTargetsTried() {
        Softphone alice = phones.unregistered("alice");
        Softphone desk = phones.registered("bob");
        desk.whenCalled(incoming -> incoming.redirect(Response.MOVED_TEMPORARILY, "<" + desk.contactUri() + ">"));

        Response answer = alice.call(BOB, alice.media().offer()).awaitFinal();

        // the desk redirects to itself: tried once, and the caller told nobody answered
        assertThat(answer.getStatusCode()).isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        assertThat(desk.incomingCalls()).hasSize(1);
    }

    /** What proves the caller saw one dialog: every 2xx of its INVITE carries the same To tag. */
    private static final class Dialogs {

        static void assertSingleDialog(OutgoingCall call, Response ok) {
            String tag = ((ToHeader) ok.getHeader(ToHeader.NAME)).getTag();
            assertThat(call.responses()).filteredOn(response -> response.getStatusCode() / 100 == 2)
                    .extracting(response -> ((ToHeader) response.getHeader(ToHeader.NAME)).getTag())
                    .containsOnly(tag);
            assertThat(call.strayResponses()).as("2xx of another dialog").isEmpty();
            assertThat(ok.getHeader(CallIdHeader.NAME)).isEqualTo(call.invite().getHeader(CallIdHeader.NAME));
        }
    }
}
