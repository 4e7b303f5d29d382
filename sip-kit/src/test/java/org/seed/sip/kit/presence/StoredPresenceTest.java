package org.seed.sip.kit.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.pidf.Basic;
import org.seed.sip.common.pidf.InvalidPidfException;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.pidf.Presence;
import org.seed.sip.common.pidf.Tuple;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.presence.Publication;

/** The composed presence read from a real (H2) store: publications, else the registration. */
class StoredPresenceTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final PidfXml XML = new PidfXml();

    @TempDir
    Path directory;
    private Store store;
    private StoredPresence presence;

    @BeforeEach
    void open() {
        store = Store.open(new StoreSettings("jdbc:h2:file:" + directory.resolve("db"), "sa", "", 2));
        presence = new StoredPresence(store.publications(), store.bindings(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void publish(String tag, String basic, String contact, Instant updatedAt, Instant expiresAt) {
        store.publications().add(new Publication(tag, ALICE, "application/pidf+xml",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + ALICE + "\"><tuple id=\"t1\"><status><basic>"
                        + basic + "</basic></status><contact>" + contact + "</contact></tuple></presence>",
                expiresAt, updatedAt));
    }

    private static Presence document(ComposedPresence composed) throws InvalidPidfException {
        return XML.read(composed.pidf());
    }

    @Test
    void withoutPublicationOrBindingAUserIsClosed() throws InvalidPidfException {
        ComposedPresence composed = presence.of(ALICE);

        assertThat(composed.basic()).isEqualTo("closed");
        assertThat(composed.entity()).isEqualTo(ALICE);
        assertThat(document(composed).tuples()).singleElement()
                .satisfies(tuple -> assertThat(tuple.status().basic()).isEqualTo(Basic.CLOSED));
    }

    @Test
    void aBindingAloneMakesAUserOpen() throws InvalidPidfException {
        store.bindings().save(Binding.builder(ALICE, "sip:alice@192.0.2.10").expiresAt(NOW.plusSeconds(60))
                .request("call-1", 1).source("192.0.2.10", 5060, "UDP").build());

        assertThat(presence.of(ALICE).basic()).isEqualTo("open");
        assertThat(document(presence.of(ALICE)).tuples()).singleElement().satisfies(tuple -> assertThat(tuple.isOpen()).isTrue());
    }

    @Test
    void livePublicationsAreComposedNewestFirstAndExpiredOnesLeftOut() throws InvalidPidfException {
        publish("desktop", "closed", "sip:alice@192.0.2.20", NOW.minusSeconds(60), NOW.plusSeconds(600));
        publish("phone", "open", "sip:alice@192.0.2.10", NOW.minusSeconds(5), NOW.plusSeconds(600));
        publish("expired", "open", "sip:alice@192.0.2.99", NOW.minusSeconds(1), NOW.minusMillis(1));

        ComposedPresence composed = presence.of(ALICE);

        assertThat(document(composed).tuples()).extracting(tuple -> tuple.contact().uri())
                .containsExactly("sip:alice@192.0.2.10", "sip:alice@192.0.2.20");
        assertThat(document(composed).tuples()).extracting(Tuple::id).containsExactly("t1", "t1-2");
        assertThat(composed.basic()).isEqualTo("open");
    }

    @Test
    void aClosedPublicationWinsOverARegistration() {
        store.bindings().save(Binding.builder(ALICE, "sip:alice@192.0.2.10").expiresAt(NOW.plusSeconds(60))
                .request("call-1", 1).source("192.0.2.10", 5060, "UDP").build());
        publish("desktop", "closed", "sip:alice@192.0.2.20", NOW.minusSeconds(60), NOW.plusSeconds(600));

        assertThat(presence.of(ALICE).basic()).isEqualTo("closed");
    }

    @Test
    void politeBlockedIsOneClosedTupleAndNothingElse() throws InvalidPidfException {
        publish("phone", "open", "sip:alice@192.0.2.10", NOW.minusSeconds(5), NOW.plusSeconds(600));

        Presence blocked = document(presence.politeBlocked(ALICE));

        assertThat(presence.politeBlocked(ALICE).basic()).isEqualTo("closed");
        assertThat(blocked.tuples()).singleElement().satisfies(tuple -> {
            assertThat(tuple.status().basic()).isEqualTo(Basic.CLOSED);
            assertThat(tuple.contact()).isNull();
            assertThat(tuple.extensions()).isEmpty();
        });
        assertThat(blocked.notes()).isEmpty();
        assertThat(blocked.extensions()).isEmpty();
        assertThat(blocked.entity()).isEqualTo(ALICE);
    }

    @Test
    void everyCallReadsTheStoreAgain() {
        assertThat(presence.of(ALICE).basic()).isEqualTo("closed");

        publish("phone", "open", "sip:alice@192.0.2.10", NOW.truncatedTo(ChronoUnit.SECONDS), NOW.plusSeconds(600));

        assertThat(presence.of(ALICE).basic()).isEqualTo("open");
    }
}
