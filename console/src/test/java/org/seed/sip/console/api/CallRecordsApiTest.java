package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seed.sip.store.calls.CallEnd;
import org.seed.sip.store.calls.NewCallRecord;

/** {@code /api/call-records}: the store's call detail records, filtered, as JSON or CSV. */
class CallRecordsApiTest extends ApiTestSupport {

    private String answered;
    private String open;

    @BeforeEach
    void twoCalls() {
        answered = store.callRecords().open(new NewCallRecord("sip:alice@example.com", "sip:bob@example.com",
                NOW.minusSeconds(3600), "node-1"));
        store.callRecords().close(answered, new CallEnd(NOW.minusSeconds(3590), NOW.minus(Duration.ofMillis(3_529_500)),
                "sip:voicemail@example.net", null, "callee-bye", 2));
        open = store.callRecords().open(new NewCallRecord("sip:carol@example.com", "sip:alice@example.com",
                NOW.minusSeconds(60), "node-1"));
    }

    private ApiResponse csv(String pathAndQuery, String accept) {
        ApiRequest json = request("GET", pathAndQuery, null);
        return api.handle(new ApiRequest(json.method(), json.path(), json.query(), json.authorization(), null, null, accept));
    }

    @Test
    void recordsAreListedNewestFirstWithEveryField() {
        JsonNode records = json(call("GET", "/call-records")).get("callRecords");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("id").asText()).isEqualTo(open);
        assertThat(records.get(0).get("ended").isNull()).isTrue();
        assertThat(records.get(1).toString()).isEqualTo("{\"id\":\"" + answered + "\",\"caller\":\"sip:alice@example.com\","
                + "\"callee\":\"sip:bob@example.com\",\"node\":\"node-1\",\"started\":\"2030-01-01T11:00:00Z\","
                + "\"answered\":\"2030-01-01T11:00:10Z\",\"ended\":\"2030-01-01T11:01:10.500Z\",\"durationMs\":60500,"
                + "\"forwardedTo\":\"sip:voicemail@example.net\",\"transferredTo\":null,\"endCause\":\"callee-bye\",\"legs\":2}");
    }

    @Test
    void recordsAreFilteredByUserAndStartAndLimited() {
        assertThat(json(call("GET", "/call-records?user=sip%3Abob%40example.com")).get("callRecords"))
                .extracting(record -> record.get("id").asText()).containsExactly(answered);
        assertThat(json(call("GET", "/call-records?user=alice@EXAMPLE.com")).get("callRecords")).hasSize(2);
        assertThat(json(call("GET", "/call-records?from=2030-01-01T11:30:00Z&to=2030-01-01T12:00:00Z")).get("callRecords"))
                .extracting(record -> record.get("id").asText()).containsExactly(open);
        assertThat(json(call("GET", "/call-records?to=2030-01-01T11:00:00Z")).get("callRecords")).isEmpty();
        assertThat(json(call("GET", "/call-records?limit=1")).get("callRecords"))
                .extracting(record -> record.get("id").asText()).containsExactly(open);
    }

    @Test
    void acceptTextCsvGetsAHeaderRowAndOneRowPerRecord() {
        ApiResponse answer = csv("/call-records?user=bob@example.com", "text/html, text/csv;q=0.9");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(new ApiResponse.Text("text/csv;header=present",
                "id,caller,callee,node,started,answered,ended,durationMs,forwardedTo,transferredTo,endCause,legs\r\n"
                + answered + ",sip:alice@example.com,sip:bob@example.com,node-1,2030-01-01T11:00:00Z,"
                + "2030-01-01T11:00:10Z,2030-01-01T11:01:10.500Z,60500,sip:voicemail@example.net,,callee-bye,2\r\n"));
        assertThat(csv("/call-records", "text/csv;q=0, application/json").body()).isInstanceOf(Map.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "from=yesterday                                        | from must be an ISO-8601 instant",
        "to=2030-01-01                                         | to must be an ISO-8601 instant",
        "from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z     | to must not be before from",
        "limit=0                                               | limit must be a whole number from 1 to 1000",
        "limit=1001                                            | limit must be a whole number from 1 to 1000",
        "limit=ten                                             | limit must be a whole number from 1 to 1000",
        "user=mailto%3Aalice%40example.com                     | user must be sip:user@domain or user@domain",
        "user=alice                                            | user must be sip:user@domain or user@domain",
    })
    void badParametersAreRefusedNamingThem(String query, String error) {
        ApiResponse answer = call("GET", "/call-records?" + query);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith(error);
    }
}
