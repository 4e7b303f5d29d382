package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.seed.sip.store.binding.Binding;

/** {@code /api/bindings}: the current registrations, and their removal by an operator. */
class BindingsApiTest extends ApiTestSupport {

    private static final String ALICE = "sip:alice@example.com";

    private static void bind(String aor, String contact, long expiresInSeconds) {
        store.bindings().save(Binding.builder(aor, contact)
                .expiresAt(NOW.plusSeconds(expiresInSeconds))
                .request("call-" + contact, 1)
                .source("192.0.2.7", 5062, "TCP")
                .q(0.5f)
                .path(List.of("<sip:edge.example.com;lr>"))
                .userAgent("Linphone/5.2")
                .updatedAt(NOW.minusSeconds(60))
                .build());
    }

    @Test
    void listShowsOnlyUnexpiredBindingsWithEveryField() {
        bind(ALICE, "sip:alice@192.0.2.7:5062;transport=tcp", 300);
        bind(ALICE, "sip:alice@192.0.2.8", -1);

        JsonNode bindings = json(call("GET", "/bindings")).get("bindings");

        assertThat(bindings).hasSize(1);
        JsonNode binding = bindings.get(0);
        assertThat(binding.get("aor").asText()).isEqualTo(ALICE);
        assertThat(binding.get("contact").asText()).isEqualTo("sip:alice@192.0.2.7:5062;transport=tcp");
        assertThat(binding.get("expiresIn").asLong()).isEqualTo(300);
        assertThat(binding.get("q").asDouble()).isEqualTo(0.5);
        assertThat(binding.get("source").toString()).isEqualTo("{\"address\":\"192.0.2.7\",\"port\":5062,\"transport\":\"TCP\"}");
        assertThat(binding.get("userAgent").asText()).isEqualTo("Linphone/5.2");
        assertThat(binding.get("path").asText()).isEqualTo("<sip:edge.example.com;lr>");
        assertThat(binding.get("updatedAt").asText()).isEqualTo("2030-01-01T11:59:00Z");
    }

    @Test
    void listOfOneAorNormalisesIt() {
        bind(ALICE, "sip:alice@192.0.2.7", 300);
        bind("sip:bob@example.com", "sip:bob@192.0.2.9", 300);

        JsonNode bindings = json(call("GET", "/bindings?aor=sip%3Aalice%40EXAMPLE.com%3Btransport%3Dudp")).get("bindings");

        assertThat(bindings).hasSize(1);
        assertThat(bindings.get(0).get("contact").asText()).isEqualTo("sip:alice@192.0.2.7");
        assertThat(error(call("GET", "/bindings?aor=mailto%3Aalice"))).startsWith("aor must be a SIP URI");
    }

    @Test
    void deleteOfOneContactLeavesTheOthers() {
        bind(ALICE, "sip:alice@192.0.2.7", 300);
        bind(ALICE, "sip:alice@192.0.2.8", 300);

        assertThat(call("DELETE", "/bindings?aor=sip:alice@example.com&contact=sip:alice@192.0.2.7").status()).isEqualTo(204);

        assertThat(store.bindings().all()).extracting(Binding::getContactUri).containsExactly("sip:alice@192.0.2.8");
        assertThat(call("DELETE", "/bindings?aor=sip:alice@example.com&contact=sip:alice@192.0.2.7").status()).isEqualTo(404);
    }

    @Test
    void deleteWithoutContactRemovesEveryContactOfTheAor() {
        bind(ALICE, "sip:alice@192.0.2.7", 300);
        bind(ALICE, "sip:alice@192.0.2.8", 300);
        bind("sip:bob@example.com", "sip:bob@192.0.2.9", 300);

        assertThat(call("DELETE", "/bindings?aor=sip:alice@example.com").status()).isEqualTo(204);

        assertThat(store.bindings().all()).extracting(Binding::getAor).containsExactly("sip:bob@example.com");
        assertThat(call("DELETE", "/bindings?aor=sip:alice@example.com").status()).isEqualTo(404);
    }

    @Test
    void deleteNeedsAnAor() {
        ApiResponse answer = call("DELETE", "/bindings");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("aor is required, as in ?aor=sip:user@domain");
    }
}
