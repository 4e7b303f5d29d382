package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;

/**
 * The console's call API over HTTP, through the whole EAR: an account's call preferences (what the B2BUA
 * reads for each call, so checked in the database), the live calls, and the call records (written here
 * straight into the database, as the B2BUA writes them).
 *
 * <pre>
 *   operator (HTTP)                                  platform                        database
 *     |--- PUT /api/accounts/u@d/preferences ------------>|---- row of call_preferences --->|
 *     |<-- 200 the preferences ---------------------------|                                  |
 *     |--- PUT ... {"forwardBusy": "sip:u@d"} ----------->|  (the account itself)            |
 *     |<-- 400 {"error": "forwardBusy must not be ..."} --|                                  |
 *     |                                                   |<--- call_records rows ----------|
 *     |--- GET /api/call-records?user=  (Accept: text/csv)|                                  |
 *     |<-- 200 header row + one row per call -------------|                                  |
 * </pre>
 */
class CallsConsoleIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    /** A new account of its own per run: the platform's data directory under it-runs/ outlives the run. */
    private String newAccount() {
        String username = "dora-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(asAdmin("/api/accounts").header("Content-Type", "application/json")
                .POST(ConsoleClient.json("{\"username\":\"" + username + "\",\"password\":\"dora-secret\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        return username;
    }

    private HttpResponse<String> putPreferences(String username, String json) {
        return send(asAdmin("/api/accounts/" + username + "@127.0.0.1/preferences")
                .header("Content-Type", "application/json").PUT(ConsoleClient.json(json)));
    }

    private List<String> stored(String column, String username) throws SQLException {
        return PlatformDatabase.column(platform, "select p." + column + " from call_preferences p join accounts a"
                + " on a.id = p.account_id where a.username = ?", username);
    }

    @Test
    void preferencesReadAsDefaultsAreReplacedByAPutAndStoredForTheB2bua() throws SQLException {
        String username = newAccount();
        String path = "/api/accounts/" + username + "@127.0.0.1/preferences";

        HttpResponse<String> defaults = send(asAdmin(path).GET());
        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(defaults.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(defaults.body()).isEqualTo("{\"doNotDisturb\":false,\"forwardAlways\":null,\"forwardBusy\":null,"
                + "\"forwardNoAnswer\":null,\"noAnswerSeconds\":20,\"forwardOffline\":null,\"forwardMode\":\"proxy\","
                + "\"blocked\":[],\"alsoRing\":[]}");

        HttpResponse<String> put = putPreferences(username, "{\"forwardNoAnswer\":\"sip:voicemail@example.net\","
                + "\"noAnswerSeconds\":12,\"forwardMode\":\"redirect\",\"blocked\":[\"*@spam.example\"]}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("\"forwardNoAnswer\":\"sip:voicemail@example.net\"", "\"noAnswerSeconds\":12",
                "\"doNotDisturb\":false", "\"blocked\":[\"*@spam.example\"]");
        assertThat(stored("forward_no_answer", username)).containsExactly("sip:voicemail@example.net");
        assertThat(stored("no_answer_seconds", username)).containsExactly("12");
        assertThat(stored("forward_mode", username)).containsExactly("redirect");
        assertThat(stored("blocked", username)).containsExactly("*@spam.example");
        assertThat(send(asAdmin(path).GET()).body()).isEqualTo(put.body());
    }

    @Test
    void badPreferencesAre400NamingTheFieldAndLeaveTheStoredOnes() throws SQLException {
        String username = newAccount();
        putPreferences(username, "{\"forwardBusy\":\"sip:desk@127.0.0.1\"}");

        HttpResponse<String> self = putPreferences(username, "{\"forwardBusy\":\"sip:" + username + "@127.0.0.1\"}");
        HttpResponse<String> notSip = putPreferences(username, "{\"forwardOffline\":\"http://example.com/\"}");
        HttpResponse<String> wrongType = putPreferences(username, "{\"noAnswerSeconds\":\"soon\"}");
        HttpResponse<String> unknownAccount = putPreferences("nobody-" + username, "{}");

        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).isEqualTo("{\"error\":\"forwardBusy must not be the account itself (sip:" + username
                + "@127.0.0.1)\"}");
        assertThat(notSip.statusCode()).isEqualTo(400);
        assertThat(notSip.body()).startsWith("{\"error\":\"forwardOffline must be a SIP URI");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).isEqualTo("{\"error\":\"field 'noAnswerSeconds' has the wrong type\"}");
        assertThat(unknownAccount.statusCode()).isEqualTo(404);
        assertThat(stored("forward_busy", username)).containsExactly("sip:desk@127.0.0.1");
    }

    @Test
    void deletingTheAccountDeletesItsPreferences() throws SQLException {
        String username = newAccount();
        putPreferences(username, "{\"doNotDisturb\":true}");
        assertThat(stored("do_not_disturb", username)).containsExactly("TRUE");

        assertThat(send(asAdmin("/api/accounts/" + username + "@127.0.0.1").DELETE()).statusCode()).isEqualTo(204);

        assertThat(PlatformDatabase.column(platform, "select count(*) from call_preferences p"
                + " where not exists (select 1 from accounts a where a.id = p.account_id)")).containsExactly("0");
    }

    @Test
    void noCallIsInProgressAndAnUnknownOneCannotBeHungUp() {
        HttpResponse<String> calls = send(asAdmin("/api/calls").GET());
        HttpResponse<String> hangUp = send(asAdmin("/api/calls/no-such-call").DELETE());

        assertThat(calls.statusCode()).isEqualTo(200);
        assertThat(calls.body()).isEqualTo("{\"calls\":[]}");
        assertThat(hangUp.statusCode()).isEqualTo(404);
        assertThat(hangUp.body()).isEqualTo("{\"error\":\"no call no-such-call in progress\"}");
    }

    @Test
    void callRecordsAreListedAsJsonOrCsvNewestFirst() throws SQLException {
        String user = "sip:erin-" + UUID.randomUUID().toString().substring(0, 8) + "@127.0.0.1";
        PlatformDatabase.update(platform, "insert into call_records (id, caller, callee, node, started_at, answered_at,"
                + " ended_at, duration_ms, forwarded_to, end_cause, legs) values (?, ?, 'sip:bob@127.0.0.1', 'it-node',"
                + " TIMESTAMP '2030-01-01 11:00:00', TIMESTAMP '2030-01-01 11:00:05', TIMESTAMP '2030-01-01 11:01:05',"
                + " 60000, 'sip:vm@example.net, desk', 'caller-bye', 2)", user + "-1", user);
        PlatformDatabase.update(platform, "insert into call_records (id, caller, callee, node, started_at)"
                + " values (?, 'sip:bob@127.0.0.1', ?, 'it-node', TIMESTAMP '2030-01-01 12:00:00')", user + "-2", user);
        String query = "/api/call-records?user=" + ConsoleClient.encode(user) + "&from=2030-01-01T00:00:00Z";

        HttpResponse<String> json = send(asAdmin(query).GET());
        HttpResponse<String> csv = send(asAdmin(query).header("Accept", "text/csv").GET());
        HttpResponse<String> badFrom = send(asAdmin("/api/call-records?from=tomorrow").GET());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).startsWith("{\"callRecords\":[{\"id\":\"" + user + "-2\",\"caller\":\"sip:bob@127.0.0.1\"")
                .contains("{\"id\":\"" + user + "-1\",\"caller\":\"" + user + "\",\"callee\":\"sip:bob@127.0.0.1\","
                        + "\"node\":\"it-node\",\"started\":\"2030-01-01T11:00:00Z\",\"answered\":\"2030-01-01T11:00:05Z\","
                        + "\"ended\":\"2030-01-01T11:01:05Z\",\"durationMs\":60000,\"forwardedTo\":\"sip:vm@example.net, desk\","
                        + "\"transferredTo\":null,\"endCause\":\"caller-bye\",\"legs\":2}");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .matches("text/csv; ?header=present; ?charset=UTF-8"));
        assertThat(csv.body()).isEqualTo(
                "id,caller,callee,node,started,answered,ended,durationMs,forwardedTo,transferredTo,endCause,legs\r\n"
                + user + "-2,sip:bob@127.0.0.1," + user + ",it-node,2030-01-01T12:00:00Z,,,,,,,\r\n"
                + user + "-1," + user + ",sip:bob@127.0.0.1,it-node,2030-01-01T11:00:00Z,2030-01-01T11:00:05Z,"
                + "2030-01-01T11:01:05Z,60000,\"sip:vm@example.net, desk\",,caller-bye,2\r\n");
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(badFrom.body()).startsWith("{\"error\":\"from must be an ISO-8601 instant");
    }

    private HttpRequest.Builder asAdmin(String path) {
        return new ConsoleClient(platform).asAdmin(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return new ConsoleClient(platform).send(request);
    }
}
