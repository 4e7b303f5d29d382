package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import javax.sip.ListeningPoint;
import javax.sip.header.ContactHeader;
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
import org.seed.sip.it.phone.Softphone;

/**
 * Bob's call preferences, set through the console's API as an operator would, applied by the B2BUA to the
 * next call: blocklist, do-not-disturb, forwarding (always, busy, no answer, offline; as a new leg or as a
 * 302), forwarding chains (here at most one forwarding, {@code b2bua.forward.max=1}) and their loops,
 * simultaneous ring.
 *
 * <pre>
 *   operator --- PUT /api/accounts/bob@127.0.0.1/preferences {"forwardAlways": "sip:carol@..."} --> platform
 *   alice                    platform                          bob            carol
 *     |--- INVITE bob ---------->|                               |               |
 *     |<-- 181 Call Is Being Forwarded                           |               |
 *     |                          |--- INVITE ----------------------------------->|
 *     |<-- 200 ------------------|<-- 200 ----------------------------------------|
 * </pre>
 */
class CallPreferencesIT extends CallTest {

    private static final String BOB = "sip:bob@127.0.0.1";
    private static final String CAROL = "sip:carol@127.0.0.1";
    private static final int CALL_IS_BEING_FORWARDED = 181;

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        // one forwarding followed, a second one refused: the chain limit without a chain of six users
        return PlatformProperties.with(Deployments.platformEar(), Map.of("b2bua.forward.max", "1"));
    }

    @BeforeEach
    void carol() {
        HttpResponse<String> created = console().send(console().asAdmin("/api/accounts")
                .header("Content-Type", "application/json").POST(ConsoleClient.json("{\"username\":\"carol\","
                        + "\"password\":\"" + RunningPlatform.DEMO_PASSWORD + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    @AfterEach
    void defaultsAgain() {
        preferences("bob", "{}");
        preferences("carol", "{}");
    }

    @Test
    void forwardAlwaysRingsTheTargetAndTellsTheCaller() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"forwardAlways\":\"" + CAROL + "\"}");

        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall atCarol = carol.awaitCall();
        assertThat(call.awaitProvisional(CALL_IS_BEING_FORWARDED).getStatusCode()).isEqualTo(CALL_IS_BEING_FORWARDED);
        atCarol.answer(carol.media().answer(atCarol.sdp()));

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        assertThat(bob.incomingCalls()).isEmpty();
        call.ack();
        call.bye();
    }

    @Test
    void forwardingServedAsARedirectNamesTheTarget() {
        Softphone alice = phones.unregistered("alice");
        phones.registered("bob");
        preferences("bob", "{\"forwardAlways\":\"" + CAROL + "\",\"forwardMode\":\"redirect\"}");

        Response moved = alice.call(BOB, alice.media().offer()).awaitFinal();

        assertThat(moved.getStatusCode()).isEqualTo(Response.MOVED_TEMPORARILY);
        assertThat(((ContactHeader) moved.getHeader(ContactHeader.NAME)).getAddress().getURI().toString())
                .isEqualTo(CAROL);
    }

    @Test
    void doNotDisturbIsBusyAndForwardsWhereBusyCallsGo() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"doNotDisturb\":true}");

        assertThat(alice.call(BOB, alice.media().offer()).awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);

        preferences("bob", "{\"doNotDisturb\":true,\"forwardBusy\":\"" + CAROL + "\"}");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        carol.awaitCall().reject(Response.DECLINE);
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.DECLINE);
        assertThat(bob.incomingCalls()).isEmpty();
    }

    @Test
    void aBlockedCallerIsDeclined() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        preferences("bob", "{\"blocked\":[\"*@127.0.0.1\"]}");

        assertThat(alice.call(BOB, alice.media().offer()).awaitFinal().getStatusCode()).isEqualTo(Response.DECLINE);
        assertThat(bob.incomingCalls()).isEmpty();
    }

    @Test
    void aBusyPhoneForwardsWhereBusyCallsGo() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"forwardBusy\":\"" + CAROL + "\"}");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        bob.awaitCall().reject(Response.BUSY_HERE);
        IncomingCall atCarol = carol.awaitCall();
        atCarol.answer(carol.media().answer(atCarol.sdp()));

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        call.bye();
    }

    @Test
    void noAnswerInTheCalleesTimeForwardsAndCancelsItsPhone() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"forwardNoAnswer\":\"" + CAROL + "\",\"noAnswerSeconds\":5}");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall atBob = bob.awaitCall();
        atBob.ring();

        IncomingCall atCarol = carol.awaitCall(Duration.ofSeconds(10));
        assertThat(atBob.awaitCancel().response().getStatusCode()).isEqualTo(Response.OK);
        atCarol.answer(carol.media().answer(atCarol.sdp()));

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();
        call.bye();
    }

    @Test
    void anOfflineCalleeForwardsWhereOfflineCallsGo() {
        Softphone alice = phones.unregistered("alice");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"forwardOffline\":\"" + CAROL + "\"}");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        carol.awaitCall().reject(Response.BUSY_HERE);

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);
    }

    @Test
    void aForwardingLoopIsStopped() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        phones.registered("carol");
        preferences("bob", "{\"forwardAlways\":\"" + CAROL + "\"}");
        preferences("carol", "{\"forwardAlways\":\"" + BOB + "\"}");

        assertThat(alice.call(BOB, alice.media().offer()).awaitFinal().getStatusCode()).isEqualTo(Response.LOOP_DETECTED);
        assertThat(bob.incomingCalls()).isEmpty();
    }

    @Test
    void aForwardingChainLongerThanTheLimitIsTooManyHops() {
        Softphone alice = phones.unregistered("alice");
        phones.registered("bob");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"forwardAlways\":\"" + CAROL + "\"}");
        preferences("carol", "{\"forwardAlways\":\"sip:alice@127.0.0.1\"}");

        assertThat(alice.call(BOB, alice.media().offer()).awaitFinal().getStatusCode()).isEqualTo(Response.TOO_MANY_HOPS);
        assertThat(carol.incomingCalls()).isEmpty();
    }

    @Test
    void alsoRingRingsTheExtraTargetWithTheCallee() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        Softphone carol = phones.registered("carol");
        preferences("bob", "{\"alsoRing\":[\"" + CAROL + "\"]}");
        OutgoingCall call = alice.call(BOB, alice.media().offer());

        IncomingCall atBob = bob.awaitCall();
        // RFC 3261 §9.1: bob's leg can be cancelled once his phone has answered provisionally
        atBob.ring();
        IncomingCall atCarol = carol.awaitCall();
        atCarol.answer(carol.media().answer(atCarol.sdp()));

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        atBob.awaitCancel();
        call.ack();
        call.bye();
    }

    @Test
    void aForeignForwardTargetIsCalledOut() {
        Softphone alice = phones.unregistered("alice");
        phones.registered("bob");
        try (Softphone elsewhere = Softphone.direct("dave", "none", ListeningPoint.UDP)) {
            // a server of its own: the same host, another port than the platform's
            preferences("bob", "{\"forwardAlways\":\"" + elsewhere.contactUri() + "\"}");
            OutgoingCall call = alice.call(BOB, alice.media().offer());

            IncomingCall there = elsewhere.awaitCall();
            there.answer(elsewhere.media().answer(there.sdp()));

            assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
            call.ack();
            there.awaitAck();
            call.bye();
        }
    }

    private void preferences(String user, String json) {
        HttpResponse<String> put = console().send(console().asAdmin("/api/accounts/" + user + "@127.0.0.1/preferences")
                .header("Content-Type", "application/json").PUT(ConsoleClient.json(json)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private ConsoleClient console() {
        return new ConsoleClient(platform);
    }
}
