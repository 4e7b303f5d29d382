package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.Messenger;
import org.seed.sip.it.phone.Messenger.Answer;

/**
 * Instant messages (RFC 3428) through the platform: to every registered phone of the recipient (the first
 * 2xx is the sender's answer), body and Content-Type unchanged; kept for a recipient who is offline (202) and
 * sent when a phone of theirs registers, in order, each once; refusals and limits. The deployment shortens
 * what a test cannot wait for: kept messages live 25 s, 3 per recipient, 1000-byte bodies, 2 MESSAGEs per
 * second per sender with bursts of 6.
 *
 * <pre>
 *   bob                      platform                      alice (offline, then registers)
 *    |--- MESSAGE alice ------->|                              |
 *    |<-- 407 ------------------|                              |
 *    |--- MESSAGE (credentials)>|  no binding: kept            |
 *    |<-- 202 Accepted ---------|                              |
 *    |                          |<----------- REGISTER --------|
 *    |                          |------------ 200 ------------>|
 *    |                          |--- MESSAGE (Date: received) >|
 *    |                          |<-- 200 ----------------------|  deleted now, the next one goes
 * </pre>
 */
class MessagesIT extends PlatformTest {

    private static final String ALICE = "sip:alice@127.0.0.1";
    /** Longer than a restart of the platform (10-15 s on the 2-core machine), which a kept message must outlive. */
    private static final Duration TTL = Duration.ofSeconds(25);
    private static final int ACCEPTED = 202;

    private final List<Messenger> opened = new ArrayList<>();

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of("im.offline.ttl", Long.toString(TTL.toSeconds()),
                "im.offline.max", "3", "im.max.body", "1000", "im.rate.limit", "2", "im.rate.burst", "6",
                "im.delivery.timeout", "3"));
    }

    @BeforeEach
    void carol() {
        ConsoleClient console = new ConsoleClient(platform);
        HttpResponse<String> created = console.send(console.asAdmin("/api/accounts")
                .header("Content-Type", "application/json").POST(ConsoleClient.json("{\"username\":\"carol\","
                        + "\"password\":\"" + RunningPlatform.DEMO_PASSWORD + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    }

    @AfterEach
    void closePhonesAndForgetKeptMessages() throws Exception {
        opened.forEach(Messenger::close);
        PlatformDatabase.update(platform, "delete from offline_messages");
    }

    private Messenger phone(String user) {
        Messenger phone = Messenger.open(user, "127.0.0.1", RunningPlatform.DEMO_PASSWORD, platform.sipAddress());
        opened.add(phone);
        return phone;
    }

    private Messenger registered(String user) {
        Messenger phone = phone(user);
        assertThat(phone.register(300).getStatusCode()).as("REGISTER of %s", user).isEqualTo(Response.OK);
        return phone;
    }

    private List<String> kept(String aor) throws Exception {
        return PlatformDatabase.column(platform, "select id from offline_messages where recipient = ? order by id", aor);
    }

    /** What a phone shows of who wrote: the URIs of From and To. */
    private static String from(Request message) {
        return ((FromHeader) message.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    }

    private static String to(Request message) {
        return ((ToHeader) message.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
    }

    @Test
    void aMessageReachesTheRegisteredPhoneWithBodyTypeIdentityAndDateUnchanged() {
        Messenger alice = registered("alice");
        Messenger bob = phone("bob");
        Request hello = bob.message(ALICE, "text/plain", "Hello, Alice \u2603");
        bob.sip().setHeader(hello, "Date", "Sat, 13 Nov 2010 23:29:00 GMT");

        assertThat(bob.send(hello).getStatusCode()).isEqualTo(Response.OK);

        Request arrived = alice.awaitMessage();
        assertThat(Messenger.text(arrived)).isEqualTo("Hello, Alice \u2603");
        assertThat(Messenger.header(arrived, "Content-Type")).isEqualToIgnoringWhitespace("text/plain");
        assertThat(from(arrived)).isEqualTo("sip:bob@127.0.0.1");
        assertThat(to(arrived)).isEqualTo(ALICE);
        assertThat(Messenger.header(arrived, "Date")).isEqualTo("Sat, 13 Nov 2010 23:29:00 GMT");
        assertThat(arrived.getRequestURI().toString()).isEqualTo(alice.sip().contactUri());
        assertThat(arrived.getHeader("Contact")).as("RFC 3428 §4: no Contact in a MESSAGE").isNull();
    }

    @Test
    void aCpimMessagePassesUnchangedAndAForeignSenderNeedsNoCredentials() {
        Messenger alice = registered("alice");
        String cpim = "From: <sip:bob@127.0.0.1>\r\nTo: <sip:alice@127.0.0.1>\r\nDateTime: 2026-12-01T10:00:00Z\r\n\r\n"
                + "Content-Type: text/plain\r\n\r\nhello in CPIM\r\n";
        Messenger stranger = Messenger.open("stranger", "elsewhere.example", "none", platform.sipAddress());
        opened.add(stranger);

        Response answer = stranger.sip().send(stranger.message(ALICE, "message/cpim", cpim));

        assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
        Request arrived = alice.awaitMessage();
        assertThat(Messenger.text(arrived)).isEqualTo(cpim);
        assertThat(Messenger.header(arrived, "Content-Type")).isEqualToIgnoringWhitespace("message/cpim");
        assertThat(from(arrived)).isEqualTo("sip:stranger@elsewhere.example");
    }

    @Test
    void everyPhoneOfTheUserGetsItAndTheFirst2xxIsTheSendersAnswer() {
        Messenger desk = registered("alice");
        Messenger mobile = registered("alice");
        desk.answerAll(new Answer(Response.OK, Duration.ofSeconds(2)));
        mobile.answerAll(Answer.of(ACCEPTED));
        Messenger bob = phone("bob");

        assertThat(bob.send(ALICE, "text/plain", "to both").getStatusCode()).isEqualTo(ACCEPTED);
        assertThat(Messenger.text(desk.awaitMessage())).isEqualTo("to both");
        assertThat(Messenger.text(mobile.awaitMessage())).isEqualTo("to both");

        desk.answerAll(Answer.of(Response.BUSY_HERE));
        mobile.answerAll(new Answer(Response.OK, Duration.ofMillis(500)));
        assertThat(bob.send(ALICE, "text/plain", "one fails").getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void refusals() {
        Messenger bob = phone("bob");
        assertThat(bob.send("sip:nobody@127.0.0.1", "text/plain", "hi").getStatusCode()).isEqualTo(Response.NOT_FOUND);
        Response challenged = bob.sip().send(bob.message(ALICE, "text/plain", "hi"));
        assertThat(challenged.getStatusCode()).isEqualTo(Response.PROXY_AUTHENTICATION_REQUIRED);
        assertThat(challenged.getHeader("Proxy-Authenticate")).isNotNull();
        assertThat(bob.send(ALICE, "text/plain", "x".repeat(1001)).getStatusCode())
                .isEqualTo(Response.REQUEST_ENTITY_TOO_LARGE);

        Messenger stranger = Messenger.open("stranger", "elsewhere.example", "none", platform.sipAddress());
        opened.add(stranger);
        assertThat(stranger.sip().send(stranger.message("sip:someone@third.example", "text/plain", "relay me?"))
                .getStatusCode()).as("no open relay").isEqualTo(Response.FORBIDDEN);

        Request noHops = bob.message(ALICE, "text/plain", "hi");
        bob.sip().setHeader(noHops, "Max-Forwards", "0");
        assertThat(bob.send(noHops).getStatusCode()).isEqualTo(Response.TOO_MANY_HOPS);

        Request inADialog = bob.message(ALICE, "text/plain", "hi");
        bob.sip().setHeader(inADialog, "To", "<" + ALICE + ">;tag=no-such-dialog");
        assertThat(bob.send(inADialog).getStatusCode()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Test
    void aSenderOverItsRateIsToldWhenToTryAgain() {
        Messenger carol = phone("carol");
        Response answer = null;
        for (int i = 0; i < 20 && (answer == null || answer.getStatusCode() != Response.SERVICE_UNAVAILABLE); i++) {
            answer = carol.send("sip:nobody@127.0.0.1", "text/plain", "message " + i);
        }

        assertThat(answer.getStatusCode()).isEqualTo(Response.SERVICE_UNAVAILABLE);
        assertThat(Integer.parseInt(Messenger.header(answer, "Retry-After"))).isBetween(1, 2);
    }

    @Test
    void aMessageForAnOfflineUserIsKeptAndDeliveredInOrderOnceWhenAPhoneRegisters() throws Exception {
        Messenger bob = phone("bob");
        Instant before = Instant.now().minusSeconds(1);
        for (String text : List.of("first", "second", "third")) {
            Response accepted = bob.send(ALICE, "text/plain", text);
            assertThat(accepted.getStatusCode()).as(text).isEqualTo(ACCEPTED);
            assertThat(accepted.getHeader("Contact")).as("RFC 3428 §7: no Contact in a 2xx").isNull();
        }
        assertThat(bob.send(ALICE, "text/plain", "fourth").getStatusCode()).as("beyond im.offline.max=3")
                .isEqualTo(Response.TEMPORARILY_UNAVAILABLE);
        assertThat(kept(ALICE)).hasSize(3);

        Messenger alice = registered("alice");

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Request arrived = alice.awaitMessage();
            texts.add(Messenger.text(arrived));
            assertThat(arrived.getHeader("Contact")).as("RFC 3428 §4: no Contact in a MESSAGE").isNull();
            assertThat(from(arrived)).isEqualTo("sip:bob@127.0.0.1");
            assertThat(to(arrived)).isEqualTo(ALICE);
            Instant date = ZonedDateTime.parse(Messenger.header(arrived, "Date"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            assertThat(date).as("when the platform took it").isBetween(before, Instant.now());
        }
        assertThat(texts).containsExactly("first", "second", "third");
        Await.until("every delivered message deleted", Duration.ofSeconds(5), () -> kept(ALICE).isEmpty());

        // a refresh finds nothing left to send: the next MESSAGE alice gets is a new one, not a second copy
        assertThat(alice.register(300).getStatusCode()).isEqualTo(Response.OK);
        assertThat(bob.send(ALICE, "text/plain", "online now").getStatusCode()).isEqualTo(Response.OK);
        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo("online now");
        assertThat(alice.messages()).hasSize(4);
    }

    /** Alice's phone, registered, answers its first MESSAGE 500: bob's {@code text} is kept for her (202). */
    private Messenger aliceRefusing(Messenger bob, String text) throws Exception {
        Messenger alice = registered("alice");
        alice.answerNext(Answer.of(Response.SERVER_INTERNAL_ERROR));
        assertThat(bob.send(ALICE, "text/plain", text).getStatusCode()).isEqualTo(ACCEPTED);
        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo(text);
        assertThat(kept(ALICE)).hasSize(1);
        return alice;
    }

    @Test
    void aMessageEveryPhoneRefusedIsKeptAndSentAgainAtTheNextRegistration() throws Exception {
        Messenger bob = phone("bob");
        Messenger alice = aliceRefusing(bob, "not lost");

        assertThat(alice.register(300).getStatusCode()).isEqualTo(Response.OK);

        Request again = alice.awaitMessage();
        assertThat(Messenger.text(again)).isEqualTo("not lost");
        assertThat(Messenger.header(again, "Date")).isNotNull();
        Await.until("the message deleted after the phone's 200", Duration.ofSeconds(5), () -> kept(ALICE).isEmpty());
        assertThat(bob.send(ALICE, "text/plain", "next").getStatusCode()).isEqualTo(Response.OK);
        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo("next");
    }

    @Test
    void aMessageToAUserWithKeptOnesGoesBehindThemAndAllGoInOrder() throws Exception {
        Messenger bob = phone("bob");
        Messenger alice = aliceRefusing(bob, "one");

        assertThat(bob.send(ALICE, "text/plain", "two").getStatusCode()).as("kept behind one").isEqualTo(ACCEPTED);

        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo("one");
        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo("two");
        Await.until("both deleted", Duration.ofSeconds(5), () -> kept(ALICE).isEmpty());
        assertThat(alice.messages()).extracting(Messenger::text).containsExactly("one", "one", "two");
    }

    @Test
    void aKeptMessageExpiresAfterTheTtl() throws Exception {
        Messenger bob = phone("bob");
        Instant sent = Instant.now();
        assertThat(bob.send(ALICE, "text/plain", "too old").getStatusCode()).isEqualTo(ACCEPTED);
        Await.until("im.offline.ttl passed", TTL.plusSeconds(5), () -> Instant.now().isAfter(sent.plus(TTL).plusSeconds(1)));
        assertThat(bob.send(ALICE, "text/plain", "fresh").getStatusCode()).isEqualTo(ACCEPTED);

        Messenger alice = registered("alice");

        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo("fresh");
        assertThat(bob.send(ALICE, "text/plain", "online").getStatusCode()).isEqualTo(Response.OK);
        assertThat(Messenger.text(alice.awaitMessage())).isEqualTo("online");
        assertThat(alice.messages()).extracting(Messenger::text).containsExactly("fresh", "online");
    }

    @Test
    void aKeptMessageSurvivesARestartAndGoesToTheRegisteredPhoneAtStart() throws Exception {
        Messenger alice = aliceRefusing(phone("bob"), "across a restart");

        platform.killAndRestart();

        Request again = alice.awaitMessage(Duration.ofSeconds(30));
        assertThat(Messenger.text(again)).isEqualTo("across a restart");
        Await.until("the message deleted after the phone's 200", Duration.ofSeconds(5), () -> kept(ALICE).isEmpty());
    }
}
