package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import javax.sip.Dialog;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.IncomingCall;
import org.seed.sip.it.phone.OutgoingCall;
import org.seed.sip.it.phone.ReceivedRequest;
import org.seed.sip.it.phone.Sdp;
import org.seed.sip.it.phone.Softphone;

/**
 * Call transfer through the B2BUA: blind (REFER, RFC 3515), attended (REFER with Replaces in its Refer-To) and
 * an INVITE with Replaces (RFC 3891). The platform carries the transfer out itself, by third-party call
 * control (RFC 3725 flow I), so every phone keeps its dialogs with the platform:
 *
 * <pre>
 *   alice (transferee)          platform               bob (referrer)        carol (target)
 *     |==== call ===================|======================|                     |
 *     |                             |&lt;-- REFER carol -------|                     |
 *     |                             |--- 202 -------------&gt;|                     |
 *     |                             |--- NOTIFY 100 ------&gt;|                     |
 *     |                             |--- INVITE (no SDP), From alice, Referred-By bob --&gt;|
 *     |                             |&lt;-- 200 (carol's offer) ----------------------------|
 *     |&lt;-- re-INVITE (carol's offer)|                      |                     |
 *     |--- 200 (alice's answer) ---&gt;|--- ACK (alice's answer) --------------------------&gt;|
 *     |                             |--- NOTIFY 200 ------&gt;|                     |
 *     |                             |--- BYE -------------&gt;|                     |
 *     |==== call ===================|============================================|
 * </pre>
 */
class TransferIT extends PlatformTest {

    /** {@code b2bua.ring.timeout} of this class's platform: how long a transfer's target rings at most. */
    private static final int RING_SECONDS = 3;

    private Softphone alice;
    private Softphone bob;
    private Softphone carol;

    @Deployment(testable = false)
    static Archive<?> platformWithThreeUsers() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of("bootstrap.demo.users", "alice,bob,carol",
                "b2bua.ring.timeout", String.valueOf(RING_SECONDS)));
    }

    @BeforeEach
    void registerThreePhones() {
        alice = phone("alice");
        bob = phone("bob");
        carol = phone("carol");
    }

    @AfterEach
    void unregisterThem() {
        for (Softphone phone : new Softphone[] {alice, bob, carol}) {
            try (phone) {
                phone.register(0);
            }
        }
    }

    @Test
    void blindTransferJoinsTheTransfereeToTheTarget() {
        Connected call = connect(alice, bob);

        Response accepted = call.callee.refer(carol.aor(), "Referred-By: <" + bob.aor() + ">");

        assertThat(accepted.getStatusCode()).isEqualTo(Response.ACCEPTED);
        ReceivedRequest trying = call.callee.awaitRequest(Request.NOTIFY);
        assertThat(trying.body()).isEqualTo("SIP/2.0 100 Trying\r\n");
        assertThat(trying.header("Event")).isEqualTo("refer");
        assertThat(trying.header("Content-Type")).isEqualTo("message/sipfrag;version=2.0");
        assertThat(trying.header("Subscription-State")).startsWith("active");

        IncomingCall target = carol.awaitCall();
        assertThat(target.sdp()).as("RFC 3725 flow I: the target's INVITE has no offer").isNull();
        assertThat(target.header("From")).contains(alice.aor());
        assertThat(target.header("Referred-By")).isEqualTo("<" + bob.aor() + ">");
        target.answer(carol.media().offer());

        ReceivedRequest reinvite = call.caller.awaitRequest(Request.INVITE);
        assertThat(Sdp.port(reinvite.body())).as("the transferee gets the target's offer").isEqualTo(carol.media().rtpPort());
        assertThat(Sdp.port(Sdp.body(reinvite.response()))).isEqualTo(alice.media().rtpPort());
        ReceivedRequest ack = target.awaitAck();
        assertThat(Sdp.port(ack.body())).as("the target gets the transferee's answer").isEqualTo(alice.media().rtpPort());

        ReceivedRequest done = call.callee.awaitRequest(Request.NOTIFY);
        assertThat(done.body()).isEqualTo("SIP/2.0 200 OK\r\n");
        assertThat(done.header("Subscription-State")).isEqualTo("terminated;reason=noresource");
        call.callee.awaitRequest(Request.BYE);

        assertThat(call.caller.bye().getStatusCode()).isEqualTo(Response.OK);
        target.awaitRequest(Request.BYE);
        Await.value("the call's record naming carol as transferred-to", Duration.ofSeconds(5),
                () -> PlatformDatabase.column(platform, "select transferred_to from call_records where caller = ?"
                        + " and ended_at is not null order by started_at desc", alice.aor()),
                rows -> !rows.isEmpty() && carol.aor().equals(rows.get(0)));
    }

    /**
     * The target refuses: the referrer hears the refusal, the call stays as it was, and the referrer can
     * resume it or try again; the second REFER of the dialog is notified with its CSeq as id (RFC 3515 §2.4.6).
     */
    @Test
    void aTargetThatRefusesLeavesTheCallAsItWas() {
        Connected call = connect(alice, bob);
        assertThat(call.callee.reInvite(bob.media().offer(Sdp.Direction.SENDONLY)).getStatusCode()).isEqualTo(Response.OK);
        call.caller.awaitRequest(Request.INVITE);

        assertThat(call.callee.refer(carol.aor()).getStatusCode()).isEqualTo(Response.ACCEPTED);
        assertThat(call.callee.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 100 Trying\r\n");
        carol.awaitCall().reject(Response.BUSY_HERE);

        ReceivedRequest failed = call.callee.awaitRequest(Request.NOTIFY);
        assertThat(failed.body()).as("the target's own status line").startsWith("SIP/2.0 486 ");
        assertThat(failed.header("Subscription-State")).isEqualTo("terminated;reason=noresource");

        // the referrer takes the transferee back off hold, in the same call
        assertThat(call.callee.reInvite(bob.media().offer()).getStatusCode()).isEqualTo(Response.OK);
        ReceivedRequest resumed = call.caller.awaitRequest(Request.INVITE);
        assertThat(Sdp.direction(resumed.body())).isEqualTo(Sdp.Direction.SENDRECV);
        assertThat(Sdp.port(resumed.body())).isEqualTo(bob.media().rtpPort());
        assertThat(call.callee.received()).extracting(ReceivedRequest::method).doesNotContain(Request.BYE);

        Response again = call.callee.refer(carol.aor());
        long referCSeq = ((CSeqHeader) again.getHeader(CSeqHeader.NAME)).getSeqNumber();
        assertThat(call.callee.awaitRequest(Request.NOTIFY).header("Event")).isEqualTo("refer;id=" + referCSeq);
        IncomingCall target = carol.awaitCall();
        target.answer(carol.media().offer());
        target.awaitAck();
        assertThat(call.callee.awaitRequest(Request.NOTIFY).header("Event")).isEqualTo("refer;id=" + referCSeq);
        call.callee.awaitRequest(Request.BYE);
        call.caller.bye();
        target.awaitRequest(Request.BYE);
    }

    /** A target that only rings is cancelled after the ring timeout, as a callee would be; the call goes on. */
    @Test
    void aTargetThatDoesNotAnswerIsCancelledAfterTheRingTimeout() {
        Connected call = connect(alice, bob);

        assertThat(call.callee.refer(carol.aor()).getStatusCode()).isEqualTo(Response.ACCEPTED);
        assertThat(call.callee.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 100 Trying\r\n");
        IncomingCall target = carol.awaitCall();
        target.ring();

        target.awaitCancel(Duration.ofSeconds(RING_SECONDS + 5));
        assertThat(call.callee.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 480 No Answer\r\n");
        assertThat(call.caller.reInvite(alice.media().offer()).getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.port(call.callee.awaitRequest(Request.INVITE).body())).isEqualTo(alice.media().rtpPort());
        call.caller.bye();
        call.callee.awaitRequest(Request.BYE);
    }

    /** The referrer hangs up right after the 202 (RFC 5589 §6 allows it): the transfer still goes through. */
    @Test
    void aReferrerThatHangsUpAtOnceStillGetsItsPartyTransferred() {
        Connected call = connect(alice, bob);

        assertThat(call.callee.refer(carol.aor()).getStatusCode()).isEqualTo(Response.ACCEPTED);
        assertThat(call.callee.bye().getStatusCode()).isEqualTo(Response.OK);

        IncomingCall target = carol.awaitCall();
        target.answer(carol.media().offer());
        assertThat(Sdp.port(call.caller.awaitRequest(Request.INVITE).body())).isEqualTo(carol.media().rtpPort());
        assertThat(Sdp.port(target.awaitAck().body())).isEqualTo(alice.media().rtpPort());
        assertThat(call.caller.received()).extracting(ReceivedRequest::method).doesNotContain(Request.BYE);

        assertThat(target.bye().getStatusCode()).isEqualTo(Response.OK);
        call.caller.awaitRequest(Request.BYE);
    }

    /** No open relay by transfer: a caller from another domain may not send its call out of our domains. */
    @Test
    void aForeignReferrerMayNotTransferToAForeignTarget() {
        try (Softphone stranger = Softphone.open("zed", "foreign.example", null, platform.sipAddress())) {
            Connected call = connect(stranger, bob);

            assertThat(call.caller.refer("sip:someone@elsewhere.example").getStatusCode()).isEqualTo(Response.FORBIDDEN);

            assertThat(call.caller.bye().getStatusCode()).isEqualTo(Response.OK);
            call.callee.awaitRequest(Request.BYE);
        }
    }

    @Test
    void aTransferToAnUnknownUserIsNotifiedAsNotFound() {
        Connected call = connect(alice, bob);

        assertThat(call.callee.refer("sip:nobody@127.0.0.1").getStatusCode()).isEqualTo(Response.ACCEPTED);

        assertThat(call.callee.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 100 Trying\r\n");
        assertThat(call.callee.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 404 Not Found\r\n");
        call.caller.bye();
    }

    @Test
    void aReferToANonSipUriOrWithoutReferToIsRefused() {
        Connected call = connect(alice, bob);

        assertThat(call.callee.refer("tel:+15551234567").getStatusCode()).isEqualTo(Response.UNSUPPORTED_URI_SCHEME);
        assertThat(call.callee.request(Request.REFER, null, null).getStatusCode()).isEqualTo(Response.BAD_REQUEST);
        call.caller.bye();
    }

    /**
     * Attended transfer: alice, talking to carol, REFERs bob (on hold) to carol with Replaces naming her dialog
     * with carol: bob and carol are joined, both of alice's dialogs end.
     *
     * <pre>
     *   alice               platform               bob          carol
     *     |--- REFER carol?Replaces=(alice's call 2) --&gt;|         |
     *     |&lt;-- 202, NOTIFY 100  |                      |            |
     *     |                     |--- re-INVITE (no SDP) ---------&gt;|
     *     |                     |&lt;-- 200 (carol's offer) --------|
     *     |                     |--- re-INVITE (offer) -&gt;|         |
     *     |                     |&lt;-- 200 (bob's answer) -|         |
     *     |                     |--- ACK (bob's answer) ---------&gt;|
     *     |&lt;-- NOTIFY 200, BYE (call 1), BYE (call 2)    |            |
     * </pre>
     */
    @Test
    void attendedTransferJoinsTheTwoOtherParties() {
        Connected first = connect(alice, bob);
        Connected second = connect(alice, carol);
        Dialog aliceWithCarol = second.caller.dialog();
        String replaces = escaped(replacesHeader(aliceWithCarol));

        Response accepted = first.caller.refer("<" + carol.aor() + "?Replaces=" + replaces + ">");

        assertThat(accepted.getStatusCode()).isEqualTo(Response.ACCEPTED);
        assertThat(first.caller.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 100 Trying\r\n");
        ReceivedRequest offerless = second.callee.awaitRequest(Request.INVITE);
        assertThat(offerless.body()).as("RFC 3725 flow I: carol is asked for a fresh offer").isNull();
        String carolsOffer = Sdp.body(offerless.response());
        ReceivedRequest reinvite = first.callee.awaitRequest(Request.INVITE);
        assertThat(Sdp.port(reinvite.body())).isEqualTo(carol.media().rtpPort());
        assertThat(Sdp.port(carolsOffer)).isEqualTo(carol.media().rtpPort());
        ReceivedRequest ack = second.callee.awaitRequest(Request.ACK);
        assertThat(Sdp.port(ack.body())).as("carol gets bob's answer").isEqualTo(bob.media().rtpPort());

        assertThat(first.caller.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 200 OK\r\n");
        first.caller.awaitRequest(Request.BYE);
        second.caller.awaitRequest(Request.BYE);
        // the two calls are one now: the console lists one, and alice's call to carol is recorded as transferred
        Await.value("one live call", Duration.ofSeconds(5), () -> answeredLiveCalls(), count -> count == 1);
        Await.value("alice's call to carol closed as transferred", Duration.ofSeconds(5),
                () -> PlatformDatabase.column(platform, "select end_cause from call_records where caller = ?"
                        + " and callee = ? order by started_at desc", alice.aor(), carol.aor()),
                rows -> !rows.isEmpty() && "transferred".equals(rows.get(0)));

        assertThat(first.callee.bye().getStatusCode()).isEqualTo(Response.OK);
        second.callee.awaitRequest(Request.BYE);
    }

    /** A Replaces in a Refer-To must name the referrer's own dialog (RFC 3891 §3): nobody else's call is taken. */
    @Test
    void anAttendedTransferNamingSomeoneElsesDialogIsForbidden() {
        Connected first = connect(alice, bob);
        Connected second = connect(carol, bob);

        Response accepted = first.caller.refer("<" + bob.aor() + "?Replaces=" + escaped(replacesHeader(second.caller.dialog())) + ">");

        assertThat(accepted.getStatusCode()).isEqualTo(Response.ACCEPTED);
        assertThat(first.caller.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 100 Trying\r\n");
        assertThat(first.caller.awaitRequest(Request.NOTIFY).body()).isEqualTo("SIP/2.0 403 Forbidden\r\n");
        assertThat(second.callee.received()).extracting(ReceivedRequest::method).doesNotContain(Request.INVITE);
        assertThat(first.caller.received()).extracting(ReceivedRequest::method).doesNotContain(Request.BYE);
        first.caller.bye();
        second.caller.bye();
    }

    /**
     * INVITE with Replaces: carol takes alice's place in her call with bob. Bob is re-INVITEd with carol's
     * offer, carol gets bob's answer, alice gets BYE.
     */
    @Test
    void anInviteWithReplacesTakesThePlaceOfTheParty() {
        Connected call = connect(alice, bob);
        Dialog aliceWithPlatform = call.caller.dialog();

        OutgoingCall replacing = carol.call(bob.aor(), carol.media().offer(), "Replaces: " + replacesHeader(aliceWithPlatform));

        ReceivedRequest reinvite = call.callee.awaitRequest(Request.INVITE);
        assertThat(Sdp.port(reinvite.body())).as("bob gets carol's offer").isEqualTo(carol.media().rtpPort());
        Response answered = replacing.awaitFinal();
        assertThat(answered.getStatusCode()).isEqualTo(Response.OK);
        assertThat(Sdp.port(Sdp.body(answered))).as("carol gets bob's answer").isEqualTo(bob.media().rtpPort());
        replacing.ack();
        call.caller.awaitRequest(Request.BYE);

        assertThat(replacing.bye().getStatusCode()).isEqualTo(Response.OK);
        call.callee.awaitRequest(Request.BYE);
    }

    @Test
    void anInviteWithReplacesOfNoDialogGets481AndOfAConfirmedOneWithEarlyOnly486() {
        Connected call = connect(alice, bob);
        Dialog aliceWithPlatform = call.caller.dialog();

        OutgoingCall unknown = carol.call(bob.aor(), carol.media().offer(),
                "Replaces: no-such-call;to-tag=1;from-tag=2");
        assertThat(unknown.awaitFinal().getStatusCode()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);

        OutgoingCall earlyOnly = carol.call(bob.aor(), carol.media().offer(),
                "Replaces: " + replacesHeader(aliceWithPlatform) + ";early-only");
        assertThat(earlyOnly.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);

        assertThat(call.callee.received()).extracting(ReceivedRequest::method).doesNotContain(Request.INVITE);
        assertThat(call.caller.reInvite(alice.media().offer()).getStatusCode()).isEqualTo(Response.OK);
        call.caller.bye();
    }

    /** RFC 3891 §3: an early dialog the platform did not initiate (a caller still ringing) is not replaced. */
    @Test
    void anInviteWithReplacesOfARingingCallersDialogGets481() {
        OutgoingCall ringing = alice.call(bob.aor(), alice.media().offer());
        IncomingCall atBob = bob.awaitCall();
        atBob.ring();
        ringing.awaitProvisional(Response.RINGING);

        OutgoingCall replacing = carol.call(bob.aor(), carol.media().offer(), "Replaces: " + replacesHeader(ringing.dialog()));

        assertThat(replacing.awaitFinal().getStatusCode()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        atBob.answer(bob.media().answer(atBob.sdp()));
        assertThat(ringing.awaitFinal().getStatusCode()).as("the ringing call goes on").isEqualTo(Response.OK);
        ringing.ack();
        ringing.bye();
    }

    /** Only an authenticated user of ours may take the place of a party of a call. */
    @Test
    void aStrangersInviteWithReplacesIsForbidden() {
        Connected call = connect(alice, bob);
        try (Softphone stranger = Softphone.open("zed", "foreign.example", null, platform.sipAddress())) {
            OutgoingCall replacing = stranger.call(bob.aor(), stranger.media().offer(),
                    "Replaces: " + replacesHeader(call.caller.dialog()));

            assertThat(replacing.awaitFinal().getStatusCode()).isEqualTo(Response.FORBIDDEN);
        }
        assertThat(call.callee.received()).extracting(ReceivedRequest::method).doesNotContain(Request.INVITE);
        call.caller.bye();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Softphone phone(String user) {
        Softphone phone = Softphone.open(user, "127.0.0.1", RunningPlatform.DEMO_PASSWORD, platform.sipAddress());
        assertThat(phone.register(600).getStatusCode()).isEqualTo(Response.OK);
        return phone;
    }

    /** A call from {@code from} to {@code to}, answered and acknowledged on both sides. */
    private static Connected connect(Softphone from, Softphone to) {
        OutgoingCall caller = from.call(to.aor(), from.media().offer());
        IncomingCall callee = to.awaitCall();
        callee.answer(to.media().answer(callee.sdp()));
        assertThat(caller.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        caller.ack();
        callee.awaitAck();
        return new Connected(caller, callee);
    }

    /** How many calls the console lists as answered. */
    private int answeredLiveCalls() {
        ConsoleClient console = new ConsoleClient(platform);
        String body = console.send(console.asAdmin("/api/calls").GET()).body();
        return body.split("\"state\":\"answered\"", -1).length - 1;
    }

    /** The Replaces header naming {@code dialog} as the platform, its other end, holds it (RFC 3891 §3). */
    private static String replacesHeader(Dialog dialog) {
        return dialog.getCallId().getCallId() + ";to-tag=" + dialog.getRemoteTag() + ";from-tag=" + dialog.getLocalTag();
    }

    /** A header value escaped for a URI header (RFC 3261 §25.1 hvalue): ';', '=', '@' and '%' escaped. */
    private static String escaped(String value) {
        return value.replace("%", "%25").replace(";", "%3B").replace("=", "%3D").replace("@", "%40");
    }

    private record Connected(OutgoingCall caller, IncomingCall callee) {
    }
}
