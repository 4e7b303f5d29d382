package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.reach.Origin;

/**
 * {@code /api/accounts/user@domain/watchers}: the presence subscriptions the store holds for the account, as
 * the presence server writes them (rows saved here through the same repository), each with what the
 * account's current rules grant its watcher.
 */
class WatchersApiTest extends ApiTestSupport {

    private static final String CAROL_WATCHERS = "/accounts/carol@example.com/watchers";

    @BeforeEach
    void carol() {
        store.accounts().create("carol", "example.com", null, "carol-secret".toCharArray(), false);
    }

    private static void subscribed(String id, String eventPackage, String resource, String watcher, boolean pending,
            long expiresInSeconds) {
        String user = watcher.substring(0, watcher.indexOf('@'));
        String domain = watcher.substring(watcher.indexOf('@') + 1);
        store.subscriptions().save(new SubscriptionRecord(id, eventPackage, resource, eventPackage,
                new SubscriptionDialog("call-" + id + "@192.0.2.30", "local-" + id, "remote-" + id, resource,
                        "sip:" + watcher, "sip:" + user + "@192.0.2.30:5070", List.of()),
                new Subscriber(user, domain, false), new Origin("192.0.2.30", 5070, "udp"),
                NOW.plusSeconds(expiresInSeconds), 0, 0, pending));
    }

    private static void subscribed(String id, String watcher, boolean pending) {
        subscribed(id, "presence", "sip:carol@example.com", watcher, pending, 600);
    }

    @Test
    void eachPresenceSubscriptionIsListedWithItsStatusExpiryAndWhatTheRulesGrant() {
        subscribed("w-1", "bob@example.com", false);
        subscribed("w-2", "mallory@example.net", true);
        subscribed("w-3", "eve@example.net", false);
        call("PUT", "/accounts/carol@example.com/presence-rules", "{\"block\":[\"sip:eve@example.net\"]}");

        ApiResponse answer = call("GET", CAROL_WATCHERS);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).toString()).isEqualTo("{\"aor\":\"sip:carol@example.com\",\"watchers\":["
                + "{\"id\":\"w-1\",\"watcher\":\"sip:bob@example.com\",\"status\":\"active\",\"grant\":\"allow\",\"expires\":\"2030-01-01T12:10:00Z\"},"
                + "{\"id\":\"w-2\",\"watcher\":\"sip:mallory@example.net\",\"status\":\"pending\",\"grant\":\"pending\",\"expires\":\"2030-01-01T12:10:00Z\"},"
                + "{\"id\":\"w-3\",\"watcher\":\"sip:eve@example.net\",\"status\":\"active\",\"grant\":\"block\",\"expires\":\"2030-01-01T12:10:00Z\"}]}");
    }

    @Test
    void aPendingWatcherShowsTheGrantOfTheRulesThatDecidedIt() {
        subscribed("w-1", "mallory@example.net", true);

        call("PUT", "/accounts/carol@example.com/presence-rules", "{\"allow\":[\"*@example.net\"]}");
        JsonNode allowed = json(call("GET", CAROL_WATCHERS)).path("watchers").get(0);
        call("PUT", "/accounts/carol@example.com/presence-rules", "{\"politeBlock\":[\"sip:mallory@example.net\"]}");
        JsonNode politelyBlocked = json(call("GET", CAROL_WATCHERS)).path("watchers").get(0);

        assertThat(allowed.path("status").asText()).isEqualTo("pending");
        assertThat(allowed.path("grant").asText()).isEqualTo("allow");
        assertThat(politelyBlocked.path("grant").asText()).isEqualTo("polite-block");
    }

    @Test
    void otherResourcesOtherPackagesAndExpiredSubscriptionsAreNotWatchers() {
        subscribed("w-1", "bob@example.com", false);
        subscribed("w-2", "presence", "sip:dave@example.com", "bob@example.com", false, 600);
        subscribed("w-3", "reg", "sip:carol@example.com", "bob@example.com", false, 600);
        subscribed("w-4", "presence", "sip:carol@example.com", "old@example.com", false, 0);

        JsonNode watchers = json(call("GET", CAROL_WATCHERS)).path("watchers");

        assertThat(watchers).extracting(watcher -> watcher.path("id").asText()).containsExactly("w-1");
    }

    @Test
    void anAccountWithoutWatchersHasAnEmptyListAndAnUnknownOneIsNotFound() {
        assertThat(json(call("GET", CAROL_WATCHERS)).toString()).isEqualTo("{\"aor\":\"sip:carol@example.com\",\"watchers\":[]}");
        assertThat(call("GET", "/accounts/nobody@example.com/watchers").status()).isEqualTo(404);
        assertThat(call("PUT", CAROL_WATCHERS, "{}").status()).isEqualTo(405);
    }
}
