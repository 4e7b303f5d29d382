package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.DuplicateAccountException;
import org.seed.sip.store.account.Ha1;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingChanges;
import org.seed.sip.store.binding.BindingRepository;

/**
 * What the store does whatever database is under it; each subclass runs it against one database.
 */
abstract class StoreContractTest implements BindingEventsContract, EventSubscriptionsContract, CallPreferencesContract,
        CallRecordsContract, OfflineMessagesContract,
        PresenceRulesContract, PublicationsContract {

    static final String ALICE = "sip:alice@example.com";

    protected Store store;

    /** The database to test; called once per test, after the subclass's own set-up. */
    protected abstract StoreSettings settings();

    @BeforeEach
    void openEmptyStore() {
        store = Store.open(settings());
        store.inTransaction(em -> {
            em.createNativeQuery("delete from event_subscriptions").executeUpdate();
            em.createNativeQuery("delete from presence_publications").executeUpdate();
            em.createNativeQuery("delete from call_records").executeUpdate();
            em.createNativeQuery("delete from offline_messages").executeUpdate();
            em.createNativeQuery("delete from call_preferences").executeUpdate();
            em.createNativeQuery("delete from presence_rules").executeUpdate();
            em.createNativeQuery("delete from bindings").executeUpdate();
            return em.createNativeQuery("delete from accounts").executeUpdate();
        });
    }

    @Override
    public Store store() {
        return store;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Binding.Builder binding(String contact, Instant expiresAt) {
        return Binding.builder(ALICE, contact)
                .expiresAt(expiresAt)
                .request("call-1@192.0.2.10", 1)
                .source("192.0.2.10", 5062, "UDP");
    }

    @Test
    void savedBindingReadsBackWithEveryField() {
        Instant now = Instant.now();
        Binding saved = store.bindings().save(binding("sip:alice@192.0.2.10:5062;transport=tcp", now.plusSeconds(3600))
                .q(0.7f)
                .path(List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>"))
                .outbound("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>", 1)
                .userAgent("Linphone/5.2")
                .build());

        List<Binding> current = store.bindings().current(ALICE, now);

        assertThat(current).singleElement().usingRecursiveComparison().isEqualTo(saved);
        assertThat(current.get(0).getPath()).isEqualTo("<sip:edge1.example.com;lr>,<sip:edge2.example.com;lr>");
        assertThat(current.get(0).getExpiresAt()).isEqualTo(now.plusSeconds(3600).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void savingTheSameContactAgainUpdatesItsBinding() {
        Instant now = Instant.now();
        Binding first = store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(60)).build());
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).request("call-1@192.0.2.10", 2).build());

        assertThat(store.bindings().all()).singleElement().satisfies(binding -> {
            assertThat(binding.getId()).isEqualTo(first.getId());
            assertThat(binding.getCseq()).isEqualTo(2);
            assertThat(binding.getExpiresAt()).isEqualTo(now.plusSeconds(600).truncatedTo(ChronoUnit.MICROS));
        });
    }

    @Test
    void currentBindingsAreOrderedByQThenMostRecentlyUpdated() {
        Instant now = Instant.now();
        Instant later = now.plusSeconds(3600);
        store.bindings().save(binding("sip:half@192.0.2.1", later).q(0.5f).updatedAt(now.minusSeconds(1)).build());
        store.bindings().save(binding("sip:noq-older@192.0.2.2", later).updatedAt(now.minusSeconds(30)).build());
        store.bindings().save(binding("sip:full-newer@192.0.2.3", later).q(1.0f).updatedAt(now.minusSeconds(10)).build());
        store.bindings().save(binding("sip:most@192.0.2.4", later).q(0.8f).updatedAt(now.minusSeconds(50)).build());

        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::getContactUri).containsExactly(
                "sip:full-newer@192.0.2.3", "sip:noq-older@192.0.2.2", "sip:most@192.0.2.4", "sip:half@192.0.2.1");
        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::effectiveQ).containsExactly(1f, 1f, 0.8f, 0.5f);
    }

    @Test
    void expiredBindingsAreNotCurrentAndArePurged() {
        Instant now = Instant.now();
        store.bindings().save(binding("sip:gone@192.0.2.1", now.minusSeconds(1)).build());
        store.bindings().save(binding("sip:expires-now@192.0.2.2", now).build());
        store.bindings().save(binding("sip:live@192.0.2.3", now.plusSeconds(60)).build());

        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::getContactUri)
                .containsExactly("sip:live@192.0.2.3");
        assertThat(store.bindings().all()).filteredOn(binding -> binding.isExpiredAt(now)).hasSize(2);
        assertThat(store.bindings().purgeExpired(now)).extracting(Binding::getContactUri)
                .containsExactly("sip:expires-now@192.0.2.2", "sip:gone@192.0.2.1");
        assertThat(store.bindings().all()).extracting(Binding::getContactUri).containsExactly("sip:live@192.0.2.3");
    }

    @Test
    void removeDeletesOneContactAndRemoveAllEveryContactOfTheAor() {
        Instant later = Instant.now().plusSeconds(60);
        store.bindings().save(binding("sip:a@192.0.2.1", later).build());
        store.bindings().save(binding("sip:b@192.0.2.2", later).build());
        store.bindings().save(binding("sip:c@192.0.2.3", later).build());
        store.bindings().save(Binding.builder("sip:bob@example.com", "sip:bob@192.0.2.9").expiresAt(later)
                .request("call-9", 1).source("192.0.2.9", 5060, "UDP").build());

        assertThat(store.bindings().remove(ALICE, "sip:a@192.0.2.1")).isEqualTo(1);
        assertThat(store.bindings().remove(ALICE, "sip:a@192.0.2.1")).isZero();
        assertThat(store.bindings().removeAll(ALICE)).isEqualTo(2);
        assertThat(store.bindings().all()).extracting(Binding::getAor).containsExactly("sip:bob@example.com");
    }

    @Test
    void accountStoresBothHa1HashesAndNoPassword() {
        store.accounts().create("alice", "Example.COM", "Alice", "secret".toCharArray(), false);

        Account alice = store.accounts().find("alice", "example.com").orElseThrow();

        // hand computed: printf 'alice:example.com:secret' | md5sum ; ... | sha256sum
        assertThat(alice.getHa1Md5()).isEqualTo("b1726872c344b6dc8365b774f8fd6412");
        assertThat(alice.getHa1Sha256()).isEqualTo("ed8925b20f9a77b8f8f8d5f8e4467fe32b866f7208ab9e4b20595e9821a0fdee");
        assertThat(alice.getDomain()).isEqualTo("example.com");
        assertThat(alice.isEnabled()).isTrue();
        assertThat(alice.isAdmin()).isFalse();
        List<?> rows = store.inTransaction(em -> em.createNativeQuery("select * from accounts").getResultList());
        assertThat(rows).singleElement().satisfies(row -> assertThat((Object[]) row)
                .noneMatch(column -> String.valueOf(column).contains("secret")));
    }

    @Test
    void duplicateAccountIsRejected() {
        store.accounts().create("bob", "example.com", "Bob", "one".toCharArray(), false);

        assertThatThrownBy(() -> store.accounts().create("bob", "EXAMPLE.com", "Bob again", "two".toCharArray(), true))
                .isInstanceOf(DuplicateAccountException.class)
                .hasMessage("account bob@example.com already exists");
        assertThat(store.accounts().count()).isEqualTo(1);
        assertThat(store.accounts().find("bob", "example.com").orElseThrow().getDisplayName()).isEqualTo("Bob");
    }

    @Test
    void accountsAreListedByDomainThenUserName() {
        store.accounts().create("carol", "b.example", null, "x".toCharArray(), false);
        store.accounts().create("bob", "a.example", null, "x".toCharArray(), false);
        store.accounts().create("alice", "b.example", null, "x".toCharArray(), true);

        assertThat(store.accounts().list()).extracting(Account::aor)
                .containsExactly("sip:bob@a.example", "sip:alice@b.example", "sip:carol@b.example");
        assertThat(store.accounts().count()).isEqualTo(3);
        assertThat(store.accounts().find("dave", "a.example")).isEmpty();
    }

    @Test
    void updateChangesTheAccountAndKeepsItsHashesInStepWithTheNewPassword() {
        store.accounts().create("dave", "example.com", "Dave", "old-secret".toCharArray(), false);

        Account changed = store.accounts().update("dave", "EXAMPLE.com", account -> {
            account.setEnabled(false);
            account.setDisplayName("David");
            account.changePassword("new-secret".toCharArray());
        }).orElseThrow();

        Account reloaded = store.accounts().find("dave", "example.com").orElseThrow();
        assertThat(reloaded).usingRecursiveComparison().isEqualTo(changed);
        assertThat(reloaded.isEnabled()).isFalse();
        assertThat(reloaded.getDisplayName()).isEqualTo("David");
        assertThat(reloaded.getHa1Sha256()).isEqualTo(Ha1.sha256("dave", "example.com", "new-secret".toCharArray()));
        assertThat(store.accounts().update("nobody", "example.com", account -> account.setAdmin(true))).isEmpty();
    }

    @Test
    void failedUpdateLeavesTheAccountAsItWas() {
        store.accounts().create("erin", "example.com", "Erin", "secret".toCharArray(), false);

        assertThatThrownBy(() -> store.accounts().update("erin", "example.com", account -> {
            account.setAdmin(true);
            throw new IllegalArgumentException("refused");
        })).hasMessage("refused");
        assertThat(store.accounts().find("erin", "example.com").orElseThrow().isAdmin()).isFalse();
    }

    @Test
    void deleteRemovesOnlyThatAccount() {
        store.accounts().create("frank", "example.com", null, "x".toCharArray(), false);
        store.accounts().create("frank", "other.example", null, "x".toCharArray(), false);

        assertThat(store.accounts().delete("frank", "Example.com")).isTrue();
        assertThat(store.accounts().delete("frank", "example.com")).isFalse();
        assertThat(store.accounts().list()).extracting(Account::aor).containsExactly("sip:frank@other.example");
    }

    @Test
    void instantsAreStoredAsUtcWhateverTheJvmTimeZone() {
        TimeZone jvmZone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            store.bindings().save(binding("sip:alice@192.0.2.10", Instant.parse("2030-01-01T00:00:00Z")).build());
        } finally {
            TimeZone.setDefault(jvmZone);
        }

        Object stored = store.inTransaction(em -> em
                .createNativeQuery("select cast(expires_at as varchar(40)) from bindings").getSingleResult());
        assertThat(stored.toString()).startsWith("2030-01-01 00:00:00");
    }

    @Test
    void failedTransactionIsRolledBack() {
        Instant later = Instant.now().plusSeconds(60);

        assertThatThrownBy(() -> store.inTransaction(em -> {
            em.persist(binding("sip:a@192.0.2.1", later).build());
            throw new IllegalStateException("work failed");
        })).hasMessage("work failed");
        assertThat(store.bindings().all()).isEmpty();
    }

    @Test
    void changeAppliesSavesAndRemovalsTogether() {
        Instant now = Instant.now();
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).build());
        store.bindings().save(binding("sip:alice@192.0.2.11", now.plusSeconds(600)).build());

        BindingRepository.Changed<String> changed = store.bindings().change(ALICE, now, stored -> new BindingChanges<>(
                List.of(binding("sip:alice@192.0.2.12", now.plusSeconds(300)).build()),
                List.of("sip:alice@192.0.2.10"), false, "seen " + stored.size()));

        assertThat(changed.result()).isEqualTo("seen 2");
        assertThat(changed.current()).extracting(Binding::getContactUri)
                .containsExactlyInAnyOrder("sip:alice@192.0.2.11", "sip:alice@192.0.2.12");
        assertThat(store.bindings().all()).extracting(Binding::getContactUri)
                .containsExactly("sip:alice@192.0.2.11", "sip:alice@192.0.2.12");
    }

    @Test
    void changeThatFailsLeavesEveryBindingAsItWas() {
        Instant now = Instant.now();
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).build());

        assertThatThrownBy(() -> store.bindings().change(ALICE, now, stored -> {
            throw new IllegalStateException("refused half way");
        })).hasMessage("refused half way");

        assertThat(store.bindings().all()).extracting(Binding::getContactUri).containsExactly("sip:alice@192.0.2.10");
    }

    @Test
    void changeCanRemoveAllBindingsOfTheAor() {
        Instant now = Instant.now();
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).build());
        store.bindings().save(binding("sip:alice@192.0.2.11", now.plusSeconds(600)).build());

        store.bindings().change(ALICE, now, stored -> new BindingChanges<>(List.of(), List.of(), true, null));

        assertThat(store.bindings().all()).isEmpty();
    }

    @Test
    void changeReturnsTheCurrentBindingsAsALookupWould() {
        Instant now = Instant.now();
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).q(0.5f).build());
        store.bindings().save(binding("sip:alice@192.0.2.11", now.minusSeconds(1)).build());
        store.bindings().save(binding("sip:alice@192.0.2.12", now.plusSeconds(600)).updatedAt(now.minusSeconds(5)).build());

        BindingRepository.Changed<Void> changed = store.bindings().change(ALICE, now, stored -> new BindingChanges<>(
                List.of(binding("sip:alice@192.0.2.13", now.plusSeconds(60)).updatedAt(now).build()),
                List.of(), false, null));

        assertThat(changed.current()).extracting(Binding::getContactUri)
                .containsExactly("sip:alice@192.0.2.13", "sip:alice@192.0.2.12", "sip:alice@192.0.2.10");
        assertThat(store.bindings().current(ALICE, now)).extracting(Binding::getContactUri)
                .containsExactlyElementsOf(changed.current().stream().map(Binding::getContactUri).toList());
    }

    @Test
    void concurrentChangesOfOneAorSeeEachOtherInTurn() throws Exception {
        Instant now = Instant.now();
        int registrations = 16;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> seen = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                String contact = "sip:alice@192.0.2." + (100 + i);
                seen.add(threads.submit(() -> store.bindings().change(ALICE, now, stored -> new BindingChanges<>(
                        List.of(binding(contact, now.plusSeconds(600)).build()), List.of(), false, stored.size()))
                        .result()));
            }
            List<Integer> storedBefore = new ArrayList<>();
            for (Future<Integer> each : seen) {
                storedBefore.add(each.get(60, TimeUnit.SECONDS));
            }
            // serialised: each change saw all the earlier ones, so every count from 0 to n-1 appears once
            assertThat(storedBefore).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, registrations).boxed().toList());
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.bindings().all()).hasSize(registrations);
    }

    @Test
    void locationListsReachableContactsWithPathAndSource() {
        Instant now = Instant.now();
        store.bindings().save(binding("sip:alice@192.0.2.10", now.plusSeconds(600)).q(0.5f)
                .path(List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>")).build());
        store.bindings().save(binding("sip:alice@192.0.2.11", now.plusSeconds(600)).build());
        store.bindings().save(binding("sip:alice@192.0.2.12", now.minusSeconds(1)).build());

        assertThat(store.locations().lookup(ALICE)).satisfiesExactly(
                preferred -> {
                    assertThat(preferred.contactUri()).isEqualTo("sip:alice@192.0.2.11");
                    assertThat(preferred.q()).isEqualTo(1.0f);
                },
                second -> {
                    assertThat(second.contactUri()).isEqualTo("sip:alice@192.0.2.10");
                    assertThat(second.path()).containsExactly("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>");
                    assertThat(second.received().address()).isEqualTo("192.0.2.10");
                    assertThat(second.received().port()).isEqualTo(5062);
                    assertThat(second.expiresInSeconds()).isBetween(595L, 600L);
                });
    }
}
