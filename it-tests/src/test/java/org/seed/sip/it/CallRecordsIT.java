package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.phone.IncomingCall;
import org.seed.sip.it.phone.OutgoingCall;
import org.seed.sip.it.phone.Softphone;

/**
 * What the operator sees of the B2BUA's calls through the console's API: the live calls while they ring
 * and talk, a hang-up from the console ending both sides, and the record of each call once it has ended.
 *
 * <pre>
 *   alice            platform (B2BUA, console)              bob          operator (HTTP)
 *     |--- INVITE ------->|--- INVITE ---------------------->|                 |
 *     |<-- 200 -----------|<-- 200 --------------------------|                 |
 *     |                   |<------------------------------------ GET /api/calls
 *     |                   |<------------------------------------ DELETE /api/calls/{id}
 *     |<-- BYE -----------|--- BYE ------------------------->|                 |
 *     |                   |<------------------------------------ GET /api/call-records?user=
 * </pre>
 */
class CallRecordsIT extends CallTest {

    private static final String BOB = "sip:bob@127.0.0.1";
    private static final Pattern CALL_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void aLiveCallIsListedAndHungUpFromTheConsoleAndItsRecordSaysSo() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.ring();
        String ringingCalls = Await.value("the ringing call listed", Duration.ofSeconds(5), Duration.ofMillis(200),
                () -> get("/api/calls").body(), body -> body.contains("\"state\":\"ringing\""));
        assertThat(ringingCalls).contains("\"caller\":\"sip:alice@127.0.0.1\"", "\"callee\":\"sip:bob@127.0.0.1\"");
        ringing.answer(bob.media().answer(ringing.sdp()));
        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.OK);
        call.ack();

        String calls = get("/api/calls").body();
        assertThat(calls).contains("\"state\":\"answered\"");
        Matcher id = CALL_ID.matcher(calls);
        assertThat(id.find()).isTrue();
        HttpResponse<String> hungUp = console().send(console().asAdmin("/api/calls/" + id.group(1)).DELETE());

        assertThat(hungUp.statusCode()).isEqualTo(204);
        assertThat(call.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(ringing.awaitRequest(Request.BYE).response().getStatusCode()).isEqualTo(Response.OK);
        assertThat(get("/api/calls").body()).doesNotContain(id.group(1));
        String record = recordOf(id.group(1));
        assertThat(record).contains("\"endCause\":\"operator\"", "\"legs\":1");
        assertThat(record).doesNotContain("\"answered\":null", "\"durationMs\":null");
    }

    @Test
    void aCallEndedByTheCallerIsRecordedWithItsParties() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        ringing.answer(bob.media().answer(ringing.sdp()));
        call.awaitFinal();
        call.ack();
        String id = liveCallId();

        call.bye();

        String record = recordOf(id);
        assertThat(record).contains("\"caller\":\"sip:alice@127.0.0.1\"", "\"callee\":\"sip:bob@127.0.0.1\"",
                "\"endCause\":\"caller-bye\"");
    }

    @Test
    void aRefusedCallIsRecordedWithTheStatusTheCallerGot() {
        Softphone alice = phones.unregistered("alice");
        Softphone bob = phones.registered("bob");
        OutgoingCall call = alice.call(BOB, alice.media().offer());
        IncomingCall ringing = bob.awaitCall();
        String id = liveCallId();

        ringing.reject(Response.BUSY_HERE);

        assertThat(call.awaitFinal().getStatusCode()).isEqualTo(Response.BUSY_HERE);
        String record = recordOf(id);
        assertThat(record).contains("\"endCause\":\"486\"", "\"answered\":null", "\"durationMs\":null");
    }

    private String liveCallId() {
        Matcher id = CALL_ID.matcher(get("/api/calls").body());
        assertThat(id.find()).as("a live call").isTrue();
        return id.group(1);
    }

    /** The JSON object of call {@code id} among alice's records, once it is closed. */
    private String recordOf(String id) {
        String records = Await.value("the record of call " + id + " closed", Duration.ofSeconds(5),
                Duration.ofMillis(200), () -> get("/api/call-records?user=alice@127.0.0.1").body(),
                body -> body.contains("\"id\":\"" + id + "\"") && !objectOf(body, id).contains("\"ended\":null"));
        return objectOf(records, id);
    }

    private static String objectOf(String json, String id) {
        int at = json.indexOf("\"id\":\"" + id + "\"");
        return at < 0 ? "" : json.substring(at, json.indexOf('}', at) + 1);
    }

    private HttpResponse<String> get(String path) {
        return console().send(console().asAdmin(path).GET());
    }

    private ConsoleClient console() {
        return new ConsoleClient(platform);
    }
}
