package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.kit.calls.LiveCall;
import org.seed.sip.kit.calls.LiveCalls;

/** {@code /api/calls}: what the B2BUA reports in progress, and an operator's hang-up. */
class CallsApiTest extends ApiTestSupport {

    private static final LiveCall RINGING = new LiveCall("call-1", "sip:alice@example.com", "sip:bob@example.com",
            LiveCall.RINGING, NOW.minusSeconds(5), null);
    private static final LiveCall ANSWERED = new LiveCall("call-2", "sip:bob@example.com", "sip:carol@example.com",
            LiveCall.ANSWERED, NOW.minusSeconds(90), NOW.minusSeconds(80));

    /** A B2BUA stand-in with calls that end when hung up. */
    private static final class Calls implements LiveCalls {
        final List<LiveCall> calls = new ArrayList<>(List.of(RINGING, ANSWERED));

        @Override
        public List<LiveCall> current() {
            return List.copyOf(calls);
        }

        @Override
        public boolean hangUp(String id) {
            return calls.removeIf(call -> call.id().equals(id));
        }
    }

    @Test
    void withoutAB2buaThereAreNoCallsToListOrEnd() {
        assertThat(json(call("GET", "/calls")).toString()).isEqualTo("{\"calls\":[]}");
        assertThat(call("DELETE", "/calls/call-1").status()).isEqualTo(404);
    }

    @Test
    void callsInProgressAreListedWithPartiesStateAndTimes() {
        liveCalls.provide(new Calls());

        assertThat(json(call("GET", "/calls")).toString()).isEqualTo("{\"calls\":["
                + "{\"id\":\"call-1\",\"caller\":\"sip:alice@example.com\",\"callee\":\"sip:bob@example.com\","
                + "\"state\":\"ringing\",\"started\":\"2030-01-01T11:59:55Z\",\"answered\":null},"
                + "{\"id\":\"call-2\",\"caller\":\"sip:bob@example.com\",\"callee\":\"sip:carol@example.com\","
                + "\"state\":\"answered\",\"started\":\"2030-01-01T11:58:30Z\",\"answered\":\"2030-01-01T11:58:40Z\"}]}");
    }

    @Test
    void aCallHungUpIsGoneAndASecondHangUpIsNotFound() {
        Calls calls = new Calls();
        liveCalls.provide(calls);

        assertThat(call("DELETE", "/calls/call-2").status()).isEqualTo(204);

        assertThat(calls.calls).containsExactly(RINGING);
        assertThat(call("DELETE", "/calls/call-2").status()).isEqualTo(404);
        assertThat(call("GET", "/calls/call-1").status()).isEqualTo(405);
        assertThat(call("DELETE", "/calls/").status()).isEqualTo(404);
    }
}
