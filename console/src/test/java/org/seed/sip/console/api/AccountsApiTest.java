package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.binding.Binding;

/** {@code /api/accounts}: what an administrator can do with accounts, and what the JSON looks like. */
class AccountsApiTest extends ApiTestSupport {

    private static final String ALICE = "{\"username\":\"alice\",\"displayName\":\"Alice\",\"password\":\"alice-secret\"}";

    @Test
    void listShowsEachAccountsFieldsAndNoDigest() {
        call("POST", "/accounts", ALICE);

        JsonNode accounts = json(call("GET", "/accounts")).get("accounts");

        assertThat(accounts).hasSize(2);
        JsonNode alice = accounts.get(1);
        assertThat(fieldNames(alice)).containsExactlyInAnyOrder("username", "domain", "aor", "displayName", "admin",
                "enabled", "createdAt");
        assertThat(alice.get("aor").asText()).isEqualTo("sip:alice@example.com");
        assertThat(alice.get("displayName").asText()).isEqualTo("Alice");
        assertThat(alice.get("admin").asBoolean()).isFalse();
        assertThat(alice.get("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(alice.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(accounts.toString()).doesNotContain("ha1", "Ha1", "secret");
    }

    @Test
    void createAnswers201WithLocationAndTheAccountInTheDefaultDomain() {
        ApiResponse answer = call("POST", "/accounts", ALICE);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers()).containsEntry("Location", "/api/accounts/alice@example.com");
        assertThat(json(answer).get("aor").asText()).isEqualTo("sip:alice@example.com");
        Account stored = store.accounts().find("alice", "example.com").orElseThrow();
        assertThat(stored.isAdmin()).isFalse();
        assertThat(call("GET", "/accounts/alice@example.com").status()).isEqualTo(200);
    }

    @Test
    void createdAdministratorCanLogIn() {
        String body = "{\"username\":\"ops\",\"domain\":\"OTHER.example\",\"password\":\"ops-secret\",\"admin\":true}";

        assertThat(call("POST", "/accounts", body).status()).isEqualTo(201);

        ApiRequest asOps = new ApiRequest("GET", "/accounts", Map.of(), basic("ops@other.example", "ops-secret"), null, null);
        assertThat(api.handle(asOps).status()).isEqualTo(200);
    }

    @Test
    void duplicateIsAConflict() {
        call("POST", "/accounts", ALICE);

        ApiResponse answer = call("POST", "/accounts", ALICE.replace("alice-secret", "other-secret"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(error(answer)).isEqualTo("account alice@example.com already exists");
    }

    @Test
    void invalidFieldsAreBadRequestsSayingWhatIsWrong() {
        assertThat(error(call("POST", "/accounts", "{\"username\":\"al ice\",\"password\":\"alice-secret\"}")))
                .startsWith("username must be 1 to 64 of the characters");
        assertThat(error(call("POST", "/accounts", "{\"username\":\"alice\",\"password\":\"short\"}")))
                .isEqualTo("password must be at least 8 characters long");
        assertThat(error(call("POST", "/accounts", "{\"username\":\"alice\"}"))).isEqualTo("password is required");
        assertThat(error(call("POST", "/accounts", "{\"username\":\"alice\",\"domain\":\"evil.example\",\"password\":\"alice-secret\"}")))
                .startsWith("domain 'evil.example' is not served here");
        assertThat(call("POST", "/accounts", "{\"password\":\"alice-secret\"}").status()).isEqualTo(400);
        assertThat(store.accounts().count()).isEqualTo(1);
    }

    @Test
    void getOfAMissingAccountIsNotFound() {
        ApiResponse answer = call("GET", "/accounts/nobody@example.com");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(error(answer)).isEqualTo("no account nobody@example.com");
    }

    @Test
    void patchDisablesAndRenamesAndTheAnswerShowsIt() {
        call("POST", "/accounts", ALICE);

        ApiResponse answer = call("PATCH", "/accounts/alice@EXAMPLE.com", "{\"enabled\":false,\"displayName\":\"Alice L.\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).get("enabled").asBoolean()).isFalse();
        assertThat(json(answer).get("displayName").asText()).isEqualTo("Alice L.");
        assertThat(store.accounts().find("alice", "example.com").orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void patchOfThePasswordChangesTheLogin() {
        call("POST", "/accounts", "{\"username\":\"ops\",\"password\":\"old-secret\",\"admin\":true}");

        assertThat(call("PATCH", "/accounts/ops@example.com", "{\"password\":\"new-secret\"}").status()).isEqualTo(200);

        assertThat(api.handle(new ApiRequest("GET", "/accounts", Map.of(), basic("ops", "old-secret"), null, null)).status())
                .isEqualTo(401);
        assertThat(api.handle(new ApiRequest("GET", "/accounts", Map.of(), basic("ops", "new-secret"), null, null)).status())
                .isEqualTo(200);
    }

    @Test
    void patchIsValidatedAndNeedsSomethingToChange() {
        call("POST", "/accounts", ALICE);

        assertThat(error(call("PATCH", "/accounts/alice@example.com", "{\"password\":\"short\"}")))
                .isEqualTo("password must be at least 8 characters long");
        assertThat(error(call("PATCH", "/accounts/alice@example.com", "{}"))).startsWith("nothing to change");
        assertThat(error(call("PATCH", "/accounts/alice@example.com", "{\"enabled\":\"no\"}")))
                .isEqualTo("field 'enabled' has the wrong type");
        assertThat(call("PATCH", "/accounts/nobody@example.com", "{\"enabled\":false}").status()).isEqualTo(404);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledDemotedOrDeleted() {
        assertThat(call("PATCH", "/accounts/admin@example.com", "{\"enabled\":false}").status()).isEqualTo(409);
        assertThat(call("PATCH", "/accounts/admin@example.com", "{\"admin\":false}").status()).isEqualTo(409);
        ApiResponse delete = call("DELETE", "/accounts/admin@example.com");
        assertThat(delete.status()).isEqualTo(409);
        assertThat(error(delete)).isEqualTo("admin@example.com is the last enabled administrator; make another one first");

        call("POST", "/accounts", "{\"username\":\"ops\",\"password\":\"ops-secret\",\"admin\":true}");
        assertThat(call("PATCH", "/accounts/ops@example.com", "{\"admin\":false}").status()).isEqualTo(200);
        call("PATCH", "/accounts/ops@example.com", "{\"admin\":true}");
        assertThat(call("DELETE", "/accounts/ops@example.com").status()).isEqualTo(204);
    }

    @Test
    void deleteRemovesTheAccountAndItsBindings() {
        call("POST", "/accounts", ALICE);
        store.bindings().save(Binding.builder("sip:alice@example.com", "sip:alice@192.0.2.1:5062")
                .expiresAt(NOW.plusSeconds(600)).request("call-1", 1).source("192.0.2.1", 5062, "UDP").build());

        assertThat(call("DELETE", "/accounts/alice@example.com").status()).isEqualTo(204);

        assertThat(store.accounts().find("alice", "example.com")).isEmpty();
        assertThat(store.bindings().all()).isEmpty();
        assertThat(call("DELETE", "/accounts/alice@example.com").status()).isEqualTo(404);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
