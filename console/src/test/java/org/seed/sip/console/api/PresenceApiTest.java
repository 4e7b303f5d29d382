package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.pidf.Basic;
import org.seed.sip.common.pidf.InvalidPidfException;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.pidf.Presence;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.presence.Publication;

/** {@code /api/presence/user@domain}: the composed PIDF document and its one word, as watchers get it. */
class PresenceApiTest extends ApiTestSupport {

    private static final String CAROL = "/presence/carol@example.com";
    private static final PidfXml XML = new PidfXml();

    @BeforeEach
    void carol() {
        store.accounts().create("carol", "example.com", null, "carol-secret".toCharArray(), false);
    }

    private static Presence pidf(JsonNode body) throws InvalidPidfException {
        return XML.read(body.get("pidf").asText().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAccountWithoutBindingNorPublicationIsClosed() throws InvalidPidfException {
        ApiResponse answer = call("GET", CAROL);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.get("aor").asText()).isEqualTo("sip:carol@example.com");
        assertThat(body.get("state").asText()).isEqualTo("closed");
        assertThat(pidf(body).entity()).isEqualTo("sip:carol@example.com");
        assertThat(pidf(body).basic()).isEqualTo(Basic.CLOSED);
    }

    @Test
    void aRegisteredAccountIsOpen() {
        store.bindings().save(Binding.builder("sip:carol@example.com", "sip:carol@192.0.2.10")
                .expiresAt(NOW.plusSeconds(60)).request("call-1", 1).source("192.0.2.10", 5060, "UDP").build());

        assertThat(json(call("GET", CAROL)).get("state").asText()).isEqualTo("open");
    }

    @Test
    void livePublicationsAreComposed() throws InvalidPidfException {
        store.publications().add(new Publication("tag-1", "sip:carol@example.com", "application/pidf+xml",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:carol@example.com\"><tuple id=\"desk\">"
                        + "<status><basic>open</basic></status><contact>sip:carol@192.0.2.20</contact></tuple></presence>",
                NOW.plusSeconds(600), NOW.minusSeconds(5)));

        JsonNode body = json(call("GET", CAROL));

        assertThat(body.get("state").asText()).isEqualTo("open");
        assertThat(pidf(body).tuples()).singleElement()
                .satisfies(tuple -> assertThat(tuple.contact().uri()).isEqualTo("sip:carol@192.0.2.20"));
    }

    @Test
    void anUnknownAccountIs404AndAMalformedOne400() {
        ApiResponse unknown = call("GET", "/presence/nobody@example.com");
        ApiResponse malformed = call("GET", "/presence/not-an-account");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("no account nobody@example.com");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(error(malformed)).contains("not-an-account");
        assertThat(call("PUT", CAROL, "{}").status()).isEqualTo(405);
    }
}
