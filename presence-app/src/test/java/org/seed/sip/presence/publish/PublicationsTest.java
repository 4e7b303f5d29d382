package org.seed.sip.presence.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.event.ExpiryPolicy;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreSettings;
import org.seed.sip.store.presence.Publication;

/** PUBLISH against a real (H2) store: who may publish, entity-tags, durations, and what the watchers hear. */
class PublicationsTest {

    private static final String DOMAIN = "example.com";
    private static final AddressOfRecord ALICE = new AddressOfRecord("alice", DOMAIN);
    private static final Authenticated AS_ALICE = new Authenticated("alice", DOMAIN, false);
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @TempDir
    Path directory;
    private Store store;
    private Publications publications;
    private final List<String> changed = new ArrayList<>();
    private final AtomicInteger tags = new AtomicInteger();

    @BeforeEach
    void open() {
        store = Store.open(new StoreSettings("jdbc:h2:file:" + directory.resolve("db"), "sa", "", 2));
        store.accounts().create("alice", DOMAIN, null, "secret".toCharArray(), false);
        store.accounts().create("bob", DOMAIN, null, "secret".toCharArray(), false);
        publications = new Publications(new PublishRules(new ExpiryPolicy(3600, 60, 3600), 16384, new PidfXml()),
                store.publications(), store.accounts(), Set.of(DOMAIN), changed::add,
                () -> "tag-" + tags.incrementAndGet(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static PublishRequest publish(AddressOfRecord to, String basic, String ifMatch, Integer expires) {
        byte[] body = basic == null ? null : ("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + to
                + "\"><tuple id=\"t1\"><status><basic>" + basic + "</basic></status></tuple></presence>")
                .getBytes(StandardCharsets.UTF_8);
        return new PublishRequest(to, "presence", basic == null ? null : "application/pidf+xml", body, ifMatch, expires);
    }

    @Test
    void anInitialPublicationIsStoredAnd200WithItsEntityTagAndDuration() {
        PublishOutcome outcome = publications.publish(publish(ALICE, "open", null, 600), AS_ALICE);

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.headers()).containsEntry("SIP-ETag", "tag-1").containsEntry("Expires", "600");
        assertThat(store.publications().live(ALICE.toString(), NOW)).singleElement().satisfies(publication -> {
            assertThat(publication.entityTag()).isEqualTo("tag-1");
            assertThat(publication.expiresAt()).isEqualTo(NOW.plusSeconds(600));
            assertThat(publication.body()).contains("<basic>open</basic>");
        });
        assertThat(changed).containsExactly("sip:alice@example.com");
    }

    @Test
    void aRefreshIssuesANewTagKeepsTheStateAndTellsNobody() {
        publications.publish(publish(ALICE, "open", null, 600), AS_ALICE);
        Publication before = store.publications().find("tag-1", NOW).orElseThrow();

        PublishOutcome outcome = publications.publish(publish(ALICE, null, "tag-1", 3600), AS_ALICE);

        assertThat(outcome.headers()).containsEntry("SIP-ETag", "tag-2").containsEntry("Expires", "3600");
        assertThat(store.publications().find("tag-1", NOW)).isEmpty();
        assertThat(store.publications().find("tag-2", NOW)).hasValueSatisfying(after -> {
            assertThat(after.body()).isEqualTo(before.body());
            assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
            assertThat(after.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        });
        assertThat(changed).hasSize(1);
    }

    @Test
    void aModificationReplacesTheStateAndARemovalEndsIt() {
        publications.publish(publish(ALICE, "open", null, 600), AS_ALICE);

        assertThat(publications.publish(publish(ALICE, "closed", "tag-1", null), AS_ALICE).headers())
                .containsEntry("SIP-ETag", "tag-2");
        assertThat(store.publications().live(ALICE.toString(), NOW)).singleElement()
                .satisfies(publication -> assertThat(publication.body()).contains("<basic>closed</basic>"));

        PublishOutcome removed = publications.publish(publish(ALICE, null, "tag-2", 0), AS_ALICE);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.headers()).containsEntry("Expires", "0").doesNotContainKey("SIP-ETag");
        assertThat(store.publications().live(ALICE.toString(), NOW)).isEmpty();
        assertThat(changed).hasSize(3);
    }

    @Test
    void anUnknownOrSpentEntityTagIs412() {
        publications.publish(publish(ALICE, "open", null, 600), AS_ALICE);
        publications.publish(publish(ALICE, null, "tag-1", 600), AS_ALICE);

        assertThat(publications.publish(publish(ALICE, null, "tag-1", 600), AS_ALICE).status()).isEqualTo(412);
        assertThat(publications.publish(publish(ALICE, "closed", "no-such-tag", 600), AS_ALICE).status()).isEqualTo(412);
        assertThat(publications.publish(publish(ALICE, null, "no-such-tag", 0), AS_ALICE).status()).isEqualTo(412);
        assertThat(changed).hasSize(1);
    }

    @Test
    void anotherPresentitysEntityTagIs412() {
        AddressOfRecord bob = new AddressOfRecord("bob", DOMAIN);
        publications.publish(publish(bob, "open", null, 600), new Authenticated("bob", DOMAIN, false));

        assertThat(publications.publish(publish(ALICE, null, "tag-1", 0), AS_ALICE).status()).isEqualTo(412);
        assertThat(store.publications().find("tag-1", NOW)).isPresent();
    }

    @Test
    void aUserPublishesOnlyItsOwnPresenceAndOnlyForAnAccount() {
        assertThat(publications.publish(publish(new AddressOfRecord("bob", DOMAIN), "open", null, 600), AS_ALICE)
                .status()).isEqualTo(403);
        assertThat(publications.publish(publish(new AddressOfRecord("nobody", DOMAIN), "open", null, 600), AS_ALICE)
                .status()).isEqualTo(404);
        assertThat(store.publications().purgeExpired(NOW.plusSeconds(99999))).isEmpty();
    }

    @Test
    void aForeignDomainOrAnotherEventIsAnsweredBeforeAnyChallenge() {
        assertThat(publications.beforeAuthentication(publish(new AddressOfRecord("alice", "example.net"), "open",
                null, 600))).hasValueSatisfying(outcome -> assertThat(outcome.status()).isEqualTo(403));
        assertThat(publications.beforeAuthentication(new PublishRequest(ALICE, "dialog", null, null, null, null)))
                .hasValueSatisfying(outcome -> assertThat(outcome.status()).isEqualTo(489));
        assertThat(publications.beforeAuthentication(publish(ALICE, "open", null, 600))).isEmpty();
    }

    @Test
    void thePurgeDeletesExpiredPublicationsAndTellsTheirPresentitiesOnce() {
        publications.publish(publish(ALICE, "open", null, 60), AS_ALICE);
        publications.publish(publish(ALICE, "closed", null, 60), AS_ALICE);
        changed.clear();

        PublicationPurger purger = new PublicationPurger(store.publications(), changed::add,
                Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC), 1);

        assertThat(purger.purge()).isEqualTo(2);
        assertThat(changed).containsExactly("sip:alice@example.com");
        assertThat(purger.purge()).isZero();
    }
}
