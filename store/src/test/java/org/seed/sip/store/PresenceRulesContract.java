package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.presence.WatcherGrant;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.events.StoreEvents;
import org.seed.sip.store.presence.PresenceRulesEvent;

/**
 * Each presentity's presence rules: one row, replaced whole, gone with the account, and every committed
 * replacement announced. Part of {@link StoreContractTest}: runs on every database.
 */
interface PresenceRulesContract {

    AddressOfRecord DORA = new AddressOfRecord("dora", "example.com");

    Store store();

    private Store withDora() {
        store().accounts().create("dora", "example.com", null, "dora-secret".toCharArray(), false);
        return store();
    }

    private static PresenceRules everyFieldSet() {
        return new PresenceRules(WatcherGrant.POLITE_BLOCK, List.of("sip:bob@example.com", "*@example.org"),
                List.of("sip:eve@example.net"), List.of("*@spam.example", "sips:mallory@example.net"));
    }

    private long rows() {
        return ((Number) store().inTransaction(em -> em.createNativeQuery("select count(*) from presence_rules")
                .getSingleResult())).longValue();
    }

    /** A listener that records what it hears and what the database held then: the change was committed. */
    final class RulesRecorder {

        final List<PresenceRulesEvent> events = new CopyOnWriteArrayList<>();
        final List<String> storedWhenTold = new CopyOnWriteArrayList<>();
        final StoreEvents.Subscription subscription;

        RulesRecorder(Store store) {
            subscription = store.presenceRules().events().subscribe(event -> {
                events.add(event);
                List<?> blocked = store.inTransaction(em -> em.createNativeQuery("select blocked from presence_rules")
                        .getResultList());
                storedWhenTold.add(blocked.toString());
            });
        }
    }

    @Test
    default void anAccountThatSetNothingHasNoRules() {
        withDora();

        assertThat(store().presenceRules().find(DORA)).isEmpty();
        assertThat(store().presenceRules().find(new AddressOfRecord("nobody", "example.com"))).isEmpty();
    }

    @Test
    default void replacedRulesReadBackWithEveryFieldAndTheNextReplaceReplacesThemAll() {
        withDora();
        assertThat(store().presenceRules().replace(DORA, everyFieldSet())).isTrue();
        assertThat(store().presenceRules().find(new AddressOfRecord("dora", "EXAMPLE.com"))).contains(everyFieldSet());

        PresenceRules later = new PresenceRules(null, List.of(), List.of("*@example.net"), List.of());
        assertThat(store().presenceRules().replace(DORA, later)).isTrue();

        assertThat(store().presenceRules().find(DORA)).contains(later);
        assertThat(store().presenceRules().replace(DORA, PresenceRules.NONE)).isTrue();
        assertThat(store().presenceRules().find(DORA)).contains(PresenceRules.NONE);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    default void theLongestListsFit() {
        String longest = "sip:" + "u".repeat(PresenceRules.MAX_ENTRY_LENGTH - "sip:@example.com".length()) + "@example.com";
        PresenceRules full = new PresenceRules(WatcherGrant.ALLOW, Collections.nCopies(PresenceRules.MAX_ENTRIES, longest),
                Collections.nCopies(PresenceRules.MAX_ENTRIES, longest), Collections.nCopies(PresenceRules.MAX_ENTRIES, longest));

        withDora().presenceRules().replace(DORA, full);

        assertThat(store().presenceRules().find(DORA)).contains(full);
    }

    @Test
    default void rulesOfAnUnknownAccountAreNeitherStoredNorAnnounced() {
        RulesRecorder recorder = new RulesRecorder(store());

        assertThat(store().presenceRules().replace(DORA, everyFieldSet())).isFalse();

        assertThat(rows()).isZero();
        assertThat(recorder.events).isEmpty();
        recorder.subscription.close();
    }

    @Test
    default void deletingTheAccountDeletesItsRules() {
        withDora().presenceRules().replace(DORA, everyFieldSet());

        assertThat(store().accounts().delete("dora", "example.com")).isTrue();
        withDora();

        assertThat(rows()).isZero();
        assertThat(store().presenceRules().find(DORA)).isEmpty();
    }

    @Test
    default void everyReplacementIsAnnouncedAfterItsCommitWithTheRulesCommitted() {
        withDora();
        RulesRecorder recorder = new RulesRecorder(store());
        PresenceRules later = new PresenceRules(null, List.of(), List.of("*@example.net"), List.of());

        store().presenceRules().replace(DORA, everyFieldSet());
        store().presenceRules().replace(DORA, later);

        assertThat(recorder.events).containsExactly(new PresenceRulesEvent(DORA, everyFieldSet()),
                new PresenceRulesEvent(DORA, later));
        assertThat(recorder.storedWhenTold).as("the database held each change when it was announced")
                .containsExactly("[sip:eve@example.net]", "[*@example.net]");
        recorder.subscription.close();
    }

    @Test
    default void aFailingListenerUndoesNothingAndTheOthersStillHear() {
        withDora();
        StoreEvents.Subscription failing = store().presenceRules().events().subscribe(event -> {
            throw new IllegalStateException("listener broken");
        });
        RulesRecorder recorder = new RulesRecorder(store());

        assertThat(store().presenceRules().replace(DORA, everyFieldSet())).isTrue();

        assertThat(store().presenceRules().find(DORA)).contains(everyFieldSet());
        assertThat(recorder.events).hasSize(1);
        failing.close();
        recorder.subscription.close();
    }

    @Test
    default void aClosedSubscriptionHearsNoMore() {
        withDora();
        RulesRecorder recorder = new RulesRecorder(store());
        store().presenceRules().replace(DORA, everyFieldSet());

        recorder.subscription.close();
        store().presenceRules().replace(DORA, PresenceRules.NONE);

        assertThat(recorder.events).extracting(PresenceRulesEvent::rules).containsExactly(everyFieldSet());
    }
}
