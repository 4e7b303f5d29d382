package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingChange.Kind;
import org.seed.sip.store.binding.BindingChange;
import org.seed.sip.store.binding.BindingChanges;
import org.seed.sip.store.binding.BindingEvent.Cause;
import org.seed.sip.store.binding.BindingEvent;
import org.seed.sip.store.events.StoreEvents;

/**
 * Every change of bindings is announced once committed, with who made it and what it did to each contact,
 * and never when it was rolled back. Part of {@link StoreContractTest}: runs on every database.
 */
interface BindingEventsContract {

    String AOR = "sip:carol@example.com";
    String PHONE = "sip:carol@192.0.2.40";

    Store store();

    /** A listener that also records what the database held when it was told: the change was committed. */
    final class Recorder {

        final List<BindingEvent> events = new CopyOnWriteArrayList<>();
        final List<Integer> boundWhenTold = new CopyOnWriteArrayList<>();
        final StoreEvents.Subscription subscription;

        Recorder(Store store) {
            subscription = store.bindings().events().subscribe(event -> {
                events.add(event);
                boundWhenTold.add(store.inTransaction(em -> ((Number) em
                        .createNativeQuery("select count(*) from bindings where aor = '" + AOR + "'")
                        .getSingleResult()).intValue()));
            });
        }

        List<Kind> kinds() {
            return events.stream().flatMap(event -> event.changes().stream()).map(BindingChange::kind).toList();
        }
    }

    private Binding.Builder carol(String contact, Instant expiresAt) {
        return Binding.builder(AOR, contact).expiresAt(expiresAt).request("call-9@192.0.2.40", 1)
                .source("192.0.2.40", 5060, "UDP");
    }

    private BindingChanges<Void> saving(Binding binding) {
        return new BindingChanges<>(List.of(binding), List.of(), false, null);
    }

    @Test
    default void registrationChangesAreAnnouncedAfterTheirCommit() {
        Recorder recorder = new Recorder(store());
        Instant now = Instant.now();

        store().bindings().change(AOR, now, stored -> saving(carol(PHONE, now.plusSeconds(600)).build()));
        store().bindings().change(AOR, now, stored -> saving(carol(PHONE, now.plusSeconds(300)).build()));
        store().bindings().change(AOR, now,
                stored -> new BindingChanges<>(List.of(), List.of(PHONE), false, null));

        assertThat(recorder.events).extracting(BindingEvent::cause).containsOnly(Cause.REGISTER);
        assertThat(recorder.kinds()).containsExactly(Kind.ADDED, Kind.REFRESHED, Kind.REMOVED);
        assertThat(recorder.boundWhenTold).as("the database already held each change").containsExactly(1, 1, 0);
        BindingChange refreshed = recorder.events.get(1).changes().get(0);
        assertThat(refreshed.expiresIn()).isBetween(299L, 300L);
        assertThat(refreshed.callId()).isEqualTo("call-9@192.0.2.40");
    }

    @Test
    default void rolledBackChangeIsNotAnnounced() {
        Recorder recorder = new Recorder(store());
        Instant now = Instant.now();

        assertThatThrownBy(() -> store().bindings().change(AOR, now, stored -> {
            throw new IllegalStateException("decided against it");
        })).isInstanceOf(IllegalStateException.class);
        store().bindings().change(AOR, now, stored -> BindingChanges.none(null));

        assertThat(recorder.events).isEmpty();
        assertThat(store().bindings().all()).isEmpty();
    }

    @Test
    default void operatorRemovalsAreAnnouncedAsTheAdministrators() {
        Instant now = Instant.now();
        store().bindings().save(carol(PHONE, now.plusSeconds(600)).build());
        store().bindings().save(carol("sip:carol@192.0.2.41", now.plusSeconds(600)).build());
        Recorder recorder = new Recorder(store());

        assertThat(store().bindings().remove(AOR, PHONE)).isEqualTo(1);
        assertThat(store().bindings().remove(AOR, PHONE)).isZero();
        assertThat(store().bindings().removeAll(AOR)).isEqualTo(1);

        assertThat(recorder.events).extracting(BindingEvent::cause).containsExactly(Cause.ADMINISTRATOR,
                Cause.ADMINISTRATOR);
        assertThat(recorder.events).extracting(event -> event.changes().get(0).contactUri())
                .containsExactly(PHONE, "sip:carol@192.0.2.41");
        assertThat(recorder.kinds()).containsOnly(Kind.REMOVED);
    }

    @Test
    default void purgeAnnouncesEachAorsExpiredContacts() {
        Instant now = Instant.now();
        store().bindings().save(carol(PHONE, now.minusSeconds(1)).build());
        store().bindings().save(Binding.builder("sip:dave@example.com", "sip:dave@192.0.2.50")
                .expiresAt(now.minusSeconds(1)).request("call-8", 1).source("192.0.2.50", 5060, "UDP").build());
        Recorder recorder = new Recorder(store());

        store().bindings().purgeExpired(now);

        assertThat(recorder.events).extracting(BindingEvent::aor, BindingEvent::cause).containsExactlyInAnyOrder(
                tuple(AOR, Cause.EXPIRY),
                tuple("sip:dave@example.com", Cause.EXPIRY));
        assertThat(recorder.kinds()).containsOnly(Kind.EXPIRED);
    }

    @Test
    default void deletingAnAccountRemovesItsBindingsInTheSameTransaction() {
        Instant now = Instant.now();
        store().accounts().create("carol", "example.com", "Carol", "carol-secret".toCharArray(), false);
        store().bindings().save(carol(PHONE, now.plusSeconds(600)).build());
        Recorder recorder = new Recorder(store());

        assertThat(store().accounts().delete("carol", "Example.com")).isTrue();
        assertThat(store().accounts().delete("carol", "example.com")).isFalse();

        assertThat(store().accounts().find("carol", "example.com")).isEmpty();
        assertThat(store().bindings().all()).isEmpty();
        assertThat(recorder.events).singleElement().satisfies(event -> {
            assertThat(event.aor()).isEqualTo(AOR);
            assertThat(event.cause()).isEqualTo(Cause.ACCOUNT_DELETED);
            assertThat(event.changes()).extracting(BindingChange::contactUri, BindingChange::kind)
                    .containsExactly(tuple(PHONE, Kind.REMOVED));
        });
    }

    @Test
    default void closedListenerHearsNothingAndAFailingOneUndoesNothing() {
        Recorder recorder = new Recorder(store());
        recorder.subscription.close();
        store().bindings().events().subscribe(event -> {
            throw new IllegalStateException("listener bug");
        });
        Recorder second = new Recorder(store());

        store().bindings().save(carol(PHONE, Instant.now().plusSeconds(600)).build());

        assertThat(recorder.events).isEmpty();
        assertThat(second.kinds()).containsExactly(Kind.ADDED);
        assertThat(store().bindings().all()).hasSize(1);
    }
}
