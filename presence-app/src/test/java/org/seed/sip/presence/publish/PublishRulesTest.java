package org.seed.sip.presence.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.ExpiryPolicy;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.presence.publish.PublishDecision.Create;
import org.seed.sip.presence.publish.PublishDecision.Modify;
import org.seed.sip.presence.publish.PublishDecision.Refresh;
import org.seed.sip.presence.publish.PublishDecision.Refuse;
import org.seed.sip.presence.publish.PublishDecision.Remove;

/** RFC 3903 §6 steps 2, 4 and 5: what a PUBLISH of presence is, before the store is asked. */
class PublishRulesTest {

    private static final AddressOfRecord ALICE = new AddressOfRecord("alice", "example.com");
    private static final String PIDF = "application/pidf+xml";
    private static final PublishRules RULES = new PublishRules(new ExpiryPolicy(3600, 60, 7200), 2000, new PidfXml());

    private static byte[] document(String entity) {
        return ("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + entity + "\">"
                + "<tuple id=\"t1\"><status><basic>open</basic></status></tuple></presence>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static PublishRequest publish(String contentType, byte[] body, String ifMatch, Integer expires) {
        return new PublishRequest(ALICE, "presence", contentType, body, ifMatch, expires);
    }

    private static PublishOutcome refusal(PublishDecision decision) {
        assertThat(decision).isInstanceOf(Refuse.class);
        return ((Refuse) decision).outcome();
    }

    @Test
    void onlyThePresenceEventIsPublishedHere() {
        assertThat(RULES.checkEvent("presence")).isEmpty();
        assertThat(RULES.checkEvent("Presence")).isEmpty();
        assertThat(RULES.checkEvent(null)).hasValueSatisfying(outcome -> {
            assertThat(outcome.status()).isEqualTo(489);
            assertThat(outcome.headers()).containsEntry("Allow-Events", "presence");
        });
        assertThat(RULES.checkEvent("dialog")).hasValueSatisfying(outcome -> assertThat(outcome.status()).isEqualTo(489));
    }

    @Test
    void anInitialPublicationGetsTheDefaultDurationOrTheOneAskedForUpToTheMaximum() {
        assertThat(RULES.decide(publish(PIDF, document("sip:alice@example.com"), null, null)))
                .isInstanceOfSatisfying(Create.class, create -> {
                    assertThat(create.expires()).isEqualTo(3600);
                    assertThat(create.document()).contains("<basic>open</basic>");
                });
        assertThat(RULES.decide(publish(PIDF, document("sip:alice@example.com"), null, 120)))
                .isInstanceOfSatisfying(Create.class, create -> assertThat(create.expires()).isEqualTo(120));
        assertThat(RULES.decide(publish(PIDF, document("sip:alice@example.com"), null, 99999)))
                .isInstanceOfSatisfying(Create.class, create -> assertThat(create.expires()).isEqualTo(7200));
    }

    @Test
    void aDurationBelowTheMinimumIs423WithMinExpires() {
        PublishOutcome outcome = refusal(RULES.decide(publish(PIDF, document("sip:alice@example.com"), null, 59)));

        assertThat(outcome.status()).isEqualTo(423);
        assertThat(outcome.headers()).containsEntry("Min-Expires", "60");
    }

    @Test
    void refreshModifyAndRemoveNameTheirPublication() {
        assertThat(RULES.decide(publish(null, null, "tag-1", 600)))
                .isEqualTo(new Refresh("tag-1", 600));
        assertThat(RULES.decide(publish(PIDF, document("sip:alice@example.com"), "tag-1", null)))
                .isInstanceOfSatisfying(Modify.class, modify -> {
                    assertThat(modify.entityTag()).isEqualTo("tag-1");
                    assertThat(modify.expires()).isEqualTo(3600);
                });
        assertThat(RULES.decide(publish(null, null, "tag-1", 0))).isEqualTo(new Remove("tag-1"));
        // a removal's body, even one that is not PIDF, is ignored (RFC 3903 §4.5)
        assertThat(RULES.decide(publish("text/plain", "bye".getBytes(StandardCharsets.UTF_8), "tag-1", 0)))
                .isEqualTo(new Remove("tag-1"));
    }

    @Test
    void withoutEntityTagABodyIsNeeded() {
        assertThat(refusal(RULES.decide(publish(null, null, null, 600))).status()).isEqualTo(400);
        assertThat(refusal(RULES.decide(publish(PIDF, document("sip:alice@example.com"), null, 0))).status())
                .isEqualTo(400);
    }

    @Test
    void anotherMediaTypeIs415WithAccept() {
        PublishOutcome outcome = refusal(RULES.decide(publish("application/xpidf+xml", document("sip:alice@example.com"),
                null, null)));

        assertThat(outcome.status()).isEqualTo(415);
        assertThat(outcome.headers()).containsEntry("Accept", "application/pidf+xml");
    }

    @Test
    void malformedInvalidOrSomeoneElsesDocumentsAre400WithTheirReason() {
        assertThat(refusal(RULES.decide(publish(PIDF, "<presence".getBytes(StandardCharsets.UTF_8), null, null))))
                .satisfies(outcome -> {
                    assertThat(outcome.status()).isEqualTo(400);
                    assertThat(outcome.reason()).isEqualTo("Malformed PIDF Document");
                });
        byte[] invalid = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:alice@example.com\"><tuple id=\"t\"/></presence>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(RULES.decide(publish(PIDF, invalid, null, null))).reason())
                .isEqualTo("PIDF Document Not Valid Against RFC 3863 Schema");
        assertThat(refusal(RULES.decide(publish(PIDF, document("sip:bob@example.com"), null, null))))
                .satisfies(outcome -> {
                    assertThat(outcome.status()).isEqualTo(400);
                    assertThat(outcome.reason()).isEqualTo("PIDF Entity Is Not The Presentity");
                });
    }

    @Test
    void aBodyLargerThanTheLimitIs413() {
        byte[] large = new byte[2001];

        assertThat(refusal(RULES.decide(publish(PIDF, large, null, null))).status()).isEqualTo(413);
    }

    @Test
    void theEntityMayBeThePresentitysSipSipsOrPresUri() {
        assertThat(PublishRules.isPresentity("sip:alice@EXAMPLE.com", ALICE)).isTrue();
        assertThat(PublishRules.isPresentity("sips:alice@example.com:5061", ALICE)).isTrue();
        assertThat(PublishRules.isPresentity("pres:alice@example.com", ALICE)).isTrue();
        assertThat(PublishRules.isPresentity("sip:Alice@example.com", ALICE)).isFalse();
        assertThat(PublishRules.isPresentity("sip:alice@example.net", ALICE)).isFalse();
        assertThat(PublishRules.isPresentity("mailto:alice@example.com", ALICE)).isFalse();
    }
}
