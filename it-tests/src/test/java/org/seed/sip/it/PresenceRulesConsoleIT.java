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
 * The console's presence authorization API over HTTP, through the whole EAR: an account's presence rules
 * (read by the presence server for every SUBSCRIBE, so checked in the database), and its watchers: the
 * presence subscriptions in the store, written here straight into the database as the presence server
 * writes them (its SUBSCRIBE side is built on another branch), each shown with what the rules grant.
 *
 * <pre>
 *   operator (HTTP)                                         platform                       database
 *     |--- GET /api/accounts/u@d/presence-rules ---------------->|                                |
 *     |<-- 200 no entries, default null, the platform default ---|                                |
 *     |--- PUT ... {"block": ["sip:eve@example.net"]} ---------->|--- row of presence_rules ----->|
 *     |<-- 200 the rules ----------------------------------------|                                |
 *     |--- PUT ... {"allow": ["eve@example.net"]} -------------->|                                |
 *     |<-- 400 {"error": "allow[0] 'eve@example.net': ..."} -----|                                |
 *     |                                                          |<--- event_subscriptions rows --|
 *     |--- GET /api/accounts/u@d/watchers ---------------------->|                                |
 *     |<-- 200 each watcher: status, grant, expires -------------|                                |
 * </pre>
 */
class PresenceRulesConsoleIT extends PlatformTest {

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    /** A new account of its own per run: the platform's data directory under it-runs/ outlives the run. */
    private String newAccount() {
        String username = "fay-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(console().asAdmin("/api/accounts").header("Content-Type", "application/json")
                .POST(ConsoleClient.json("{\"username\":\"" + username + "\",\"password\":\"fay-secret-1\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        return username;
    }

    private static String rulesPath(String username) {
        return "/api/accounts/" + username + "@127.0.0.1/presence-rules";
    }

    private HttpResponse<String> putRules(String username, String json) {
        return send(console().asAdmin(rulesPath(username)).header("Content-Type", "application/json")
                .PUT(ConsoleClient.json(json)));
    }

    private List<String> stored(String column, String username) throws SQLException {
        return PlatformDatabase.column(platform, "select r." + column + " from presence_rules r join accounts a"
                + " on a.id = r.account_id where a.username = ?", username);
    }

    @Test
    void rulesReadAsTheEffectiveDefaultsAreReplacedByAPutAndStoredForThePresenceServer() throws SQLException {
        String username = newAccount();

        HttpResponse<String> defaults = send(console().asAdmin(rulesPath(username)).GET());
        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(defaults.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(defaults.body()).isEqualTo("{\"default\":null,\"allow\":[],\"block\":[],\"politeBlock\":[],"
                + "\"platformDefault\":{\"ourDomains\":\"allow\",\"otherDomains\":\"pending\"}}");

        HttpResponse<String> put = putRules(username, "{\"default\":\"pending\",\"allow\":[\"sip:bob@127.0.0.1\","
                + "\"*@example.org\"],\"block\":[\"sip:eve@example.net\"],\"politeBlock\":[\"*@spam.example\"]}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"default\":\"pending\",\"allow\":[\"sip:bob@127.0.0.1\",\"*@example.org\"],"
                + "\"block\":[\"sip:eve@example.net\"],\"politeBlock\":[\"*@spam.example\"],"
                + "\"platformDefault\":{\"ourDomains\":\"allow\",\"otherDomains\":\"pending\"}}");
        assertThat(stored("default_rule", username)).containsExactly("pending");
        assertThat(stored("allowed", username)).containsExactly("sip:bob@127.0.0.1\n*@example.org");
        assertThat(stored("blocked", username)).containsExactly("sip:eve@example.net");
        assertThat(stored("polite_blocked", username)).containsExactly("*@spam.example");
        assertThat(send(console().asAdmin(rulesPath(username)).GET()).body()).isEqualTo(put.body());

        assertThat(putRules(username, "{\"block\":[\"*@example.net\"]}").statusCode()).isEqualTo(200);
        assertThat(stored("default_rule", username)).as("a PUT replaces every rule").containsExactly((String) null);
        assertThat(stored("allowed", username)).containsExactly("");
    }

    @Test
    void badRulesAre400NamingTheFieldAndTheEntryAndLeaveTheStoredOnes() throws SQLException {
        String username = newAccount();
        putRules(username, "{\"block\":[\"sip:eve@example.net\"]}");

        HttpResponse<String> notAUri = putRules(username, "{\"allow\":[\"sip:bob@127.0.0.1\",\"eve@example.net\"]}");
        HttpResponse<String> withPort = putRules(username, "{\"politeBlock\":[\"sip:eve@example.net:5070\"]}");
        HttpResponse<String> badDefault = putRules(username, "{\"default\":\"maybe\"}");
        HttpResponse<String> notAList = putRules(username, "{\"block\":\"sip:eve@example.net\"}");

        assertThat(notAUri.statusCode()).isEqualTo(400);
        assertThat(notAUri.body()).isEqualTo("{\"error\":\"allow[1] 'eve@example.net': not a SIP URI such as "
                + "sip:bob@example.com, nor *@domain\"}");
        assertThat(withPort.statusCode()).isEqualTo(400);
        assertThat(withPort.body()).isEqualTo("{\"error\":\"politeBlock[0] 'sip:eve@example.net:5070': an address-of-record"
                + " takes no password, port, parameters or headers: sip:user@domain\"}");
        assertThat(badDefault.statusCode()).isEqualTo(400);
        assertThat(badDefault.body()).isEqualTo("{\"error\":\"default must be allow, pending, block or polite-block, not 'maybe'\"}");
        assertThat(notAList.statusCode()).isEqualTo(400);
        assertThat(notAList.body()).isEqualTo("{\"error\":\"field 'block' has the wrong type\"}");
        assertThat(stored("blocked", username)).containsExactly("sip:eve@example.net");
    }

    @Test
    void anUnknownAccountHasNeitherRulesNorWatchers() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> get = send(console().asAdmin(rulesPath(nobody)).GET());
        HttpResponse<String> put = putRules(nobody, "{}");
        HttpResponse<String> watchers = send(console().asAdmin("/api/accounts/" + nobody + "@127.0.0.1/watchers").GET());

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(put.body()).isEqualTo("{\"error\":\"no account " + nobody + "@127.0.0.1\"}");
        assertThat(watchers.statusCode()).isEqualTo(404);
        assertThat(send(console().request(rulesPath(nobody)).GET()).statusCode()).as("no credentials").isEqualTo(401);
    }

    @Test
    void deletingTheAccountDeletesItsRules() throws SQLException {
        String username = newAccount();
        putRules(username, "{\"default\":\"block\"}");
        String accountId = PlatformDatabase.column(platform, "select id from accounts where username = ?", username).get(0);
        assertThat(stored("default_rule", username)).containsExactly("block");

        assertThat(send(console().asAdmin("/api/accounts/" + username + "@127.0.0.1").DELETE()).statusCode()).isEqualTo(204);

        assertThat(PlatformDatabase.column(platform, "select count(*) from presence_rules where account_id = ?",
                Long.valueOf(accountId))).containsExactly("0");
    }

    @Test
    void theWatchersAreThePresenceSubscriptionsInTheStoreWithWhatTheRulesGrantThem() throws SQLException {
        String username = newAccount();
        String aor = "sip:" + username + "@127.0.0.1";
        subscribed(username + "-w1", aor, "presence", "bob", "127.0.0.1", false);
        subscribed(username + "-w2", aor, "presence", "mallory", "example.net", true);
        subscribed(username + "-w3", aor, "reg", "carol", "127.0.0.1", false);

        HttpResponse<String> watchers = send(console().asAdmin("/api/accounts/" + username + "@127.0.0.1/watchers").GET());

        assertThat(watchers.statusCode()).isEqualTo(200);
        assertThat(watchers.body()).isEqualTo("{\"aor\":\"" + aor + "\",\"watchers\":["
                + "{\"id\":\"" + username + "-w1\",\"watcher\":\"sip:bob@127.0.0.1\",\"status\":\"active\","
                + "\"grant\":\"allow\",\"expires\":\"2030-01-01T12:00:00Z\"},"
                + "{\"id\":\"" + username + "-w2\",\"watcher\":\"sip:mallory@example.net\",\"status\":\"pending\","
                + "\"grant\":\"pending\",\"expires\":\"2030-01-01T12:00:00Z\"}]}");
    }

    /** A subscription row as the notifier stores it (V2_1, V2_2); its Contact names the discard port of loopback. */
    private void subscribed(String id, String resource, String eventPackage, String user, String domain, boolean pending)
            throws SQLException {
        PlatformDatabase.update(platform, "insert into event_subscriptions (id, event_package, resource, event_header,"
                + " call_id, local_tag, remote_tag, local_uri, remote_uri, remote_target, route_set, local_cseq,"
                + " next_version, expires_at, subscriber, subscriber_domain, subscriber_admin, transport, source_address,"
                + " source_port, pending, updated_at) values (?, ?, ?, ?, ?, 'notifier-tag', 'watcher-tag', ?, ?,"
                + " 'sip:watcher@127.0.0.1:9', null, 1, 1, TIMESTAMP '2030-01-01 12:00:00', ?, ?, false, 'udp',"
                + " '127.0.0.1', 9, ?, TIMESTAMP '2026-01-01 00:00:00')",
                id, eventPackage, resource, eventPackage, id + "@127.0.0.1", resource, "sip:" + user + "@" + domain,
                user, domain, pending);
    }

    @Test
    void theConsolePageHasItsPresenceSection() {
        HttpResponse<String> page = send(console().request("/").GET());
        HttpResponse<String> script = send(console().request("/console.js").GET());

        assertThat(page.body()).contains("id=\"presence-section\"", "id=\"watchers\"", "id=\"presence-rules-form\"");
        assertThat(script.body()).contains("'/presence-rules'", "'/watchers'", "'/presence/'");
    }

    private ConsoleClient console() {
        return new ConsoleClient(platform);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return console().send(request);
    }
}
