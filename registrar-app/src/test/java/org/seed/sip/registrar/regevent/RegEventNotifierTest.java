package org.seed.sip.registrar.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.seed.sip.registrar.regevent.reginfo.BoundContact;
import org.seed.sip.registrar.regevent.reginfo.ContactEvent;
import org.seed.sip.registrar.regevent.reginfo.DocumentState;
import org.seed.sip.registrar.regevent.reginfo.Reginfo;
import org.seed.sip.registrar.regevent.reginfo.ReginfoXml;
import org.seed.sip.registrar.regevent.reginfo.RegistrationState;
import org.seed.sip.registrar.service.ContactChange;
import org.seed.sip.registrar.service.ContactChange.Event;

/** The notifier with recorded dialogs, a clock the test moves, and changes notified on the calling thread. */
class RegEventNotifierTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final String PHONE = "sip:alice@192.0.2.10:5060";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final Map<String, List<BoundContact>> bound = new ConcurrentHashMap<>();
    private final RegEventNotifier notifier = new RegEventNotifier(aor -> bound.getOrDefault(aor, List.of()),
            new ReginfoXml(), clock, Runnable::run);

    @Test
    void subscriptionStartsWithTheFullStateAsVersionZero() {
        bound.put(ALICE, List.of(new BoundContact(PHONE, 300, null, "call-1", 1)));
        RecordingChannel dialog = new RecordingChannel();

        assertThat(notifier.subscribe(ALICE, 600, dialog)).isPresent();

        assertThat(dialog.last().subscriptionState()).isEqualTo("active;expires=600");
        Reginfo document = dialog.lastDocument();
        assertThat(document.version()).isZero();
        assertThat(document.state()).isEqualTo(DocumentState.FULL);
        assertThat(document.registrations().get(0).contacts()).singleElement()
                .satisfies(contact -> assertThat(contact.uri()).isEqualTo(PHONE));
    }

    @Test
    void dialogIsKeptForTheGrantedDuration() {
        RecordingChannel dialog = new RecordingChannel();

        notifier.subscribe(ALICE, 600, dialog);

        assertThat(dialog.keptFor).containsExactly(600L);
    }

    @Test
    void registrationChangeIsNotifiedAsPartialStateWithTheNextVersion() {
        RecordingChannel dialog = new RecordingChannel();
        notifier.subscribe(ALICE, 600, dialog);
        bound.put(ALICE, List.of(new BoundContact(PHONE, 300, null, "call-1", 1)));
        clock.advance(Duration.ofSeconds(100));

        notifier.registrationChanged(ALICE, List.of(new ContactChange(PHONE, Event.REGISTERED, 300, "call-1", 1, null)));

        assertThat(dialog.sent).hasSize(2);
        assertThat(dialog.last().subscriptionState()).isEqualTo("active;expires=500");
        Reginfo document = dialog.lastDocument();
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.state()).isEqualTo(DocumentState.PARTIAL);
        assertThat(document.registrations().get(0).state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(document.registrations().get(0).contacts()).singleElement()
                .satisfies(contact -> assertThat(contact.event()).isEqualTo(ContactEvent.REGISTERED));
    }

    @Test
    void lastContactGoneTerminatesTheRegistration() {
        RecordingChannel dialog = new RecordingChannel();
        notifier.subscribe(ALICE, 600, dialog);

        notifier.registrationChanged(ALICE, List.of(new ContactChange(PHONE, Event.EXPIRED, 0, null, 0, null)));

        assertThat(dialog.lastDocument().registrations().get(0).state()).isEqualTo(RegistrationState.TERMINATED);
    }

    @Test
    void changesOfAnotherAddressAreNotNotified() {
        RecordingChannel dialog = new RecordingChannel();
        notifier.subscribe(ALICE, 600, dialog);

        notifier.registrationChanged("sip:bob@example.com",
                List.of(new ContactChange("sip:bob@192.0.2.20", Event.REGISTERED, 300, "call-9", 1, null)));

        assertThat(dialog.sent).hasSize(1);
    }

    @Test
    void everySubscriberOfTheAddressIsNotified() {
        RecordingChannel first = new RecordingChannel();
        RecordingChannel second = new RecordingChannel();
        notifier.subscribe(ALICE, 600, first);
        notifier.subscribe(ALICE, 600, second);

        notifier.registrationChanged(ALICE, List.of(new ContactChange(PHONE, Event.REGISTERED, 300, "call-1", 1, null)));

        assertThat(first.sent).hasSize(2);
        assertThat(second.sent).hasSize(2);
    }

    @Test
    void refreshRestartsTheDurationAndSendsTheFullState() {
        RecordingChannel dialog = new RecordingChannel();
        String id = notifier.subscribe(ALICE, 600, dialog).orElseThrow();
        clock.advance(Duration.ofSeconds(500));

        notifier.refresh(id, 900);

        assertThat(dialog.last().subscriptionState()).isEqualTo("active;expires=900");
        assertThat(dialog.lastDocument().state()).isEqualTo(DocumentState.FULL);
        assertThat(dialog.lastDocument().version()).isEqualTo(1);
        assertThat(dialog.keptFor).containsExactly(600L, 900L);
        clock.advance(Duration.ofSeconds(200));
        notifier.expireDue();
        assertThat(notifier.isActive(id)).as("refreshed, not expired at its first end").isTrue();
    }

    @Test
    void refreshWithZeroEndsTheSubscriptionWithAFinalNotify() {
        RecordingChannel dialog = new RecordingChannel();
        String id = notifier.subscribe(ALICE, 600, dialog).orElseThrow();

        notifier.refresh(id, 0);

        assertThat(dialog.last().subscriptionState()).isEqualTo("terminated;reason=timeout");
        assertThat(dialog.lastDocument().state()).isEqualTo(DocumentState.FULL);
        assertThat(notifier.isActive(id)).isFalse();
        assertThat(notifier.activeSubscriptions()).isZero();
        notifier.registrationChanged(ALICE, List.of(new ContactChange(PHONE, Event.REGISTERED, 300, "call-1", 1, null)));
        assertThat(dialog.sent).as("nothing after the final NOTIFY").hasSize(2);
    }

    @Test
    void expiredSubscriptionEndsWithTimeoutAndReleasesTheDialogAfterIt() {
        RecordingChannel dialog = new RecordingChannel();
        String id = notifier.subscribe(ALICE, 600, dialog).orElseThrow();
        clock.advance(Duration.ofSeconds(599));
        notifier.expireDue();
        assertThat(notifier.isActive(id)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        notifier.expireDue();

        assertThat(notifier.isActive(id)).isFalse();
        assertThat(dialog.last().subscriptionState()).isEqualTo("terminated;reason=timeout");
        assertThat(dialog.lastDocument().version()).isEqualTo(1);
        assertThat(dialog.keptFor).as("kept only for the final NOTIFY's answer").endsWith(0L);
        assertThat(dialog.closed).as("closed by the answer to the final NOTIFY, not before").isFalse();
    }

    @Test
    void fetchSendsOneFinalNotifyWithTheState() {
        bound.put(ALICE, List.of(new BoundContact(PHONE, 300, null, "call-1", 1)));
        RecordingChannel dialog = new RecordingChannel();

        assertThat(notifier.subscribe(ALICE, 0, dialog)).isEmpty();

        assertThat(dialog.sent).singleElement()
                .satisfies(notify -> assertThat(notify.subscriptionState()).isEqualTo("terminated;reason=timeout"));
        assertThat(dialog.lastDocument().registrations().get(0).contacts()).hasSize(1);
        assertThat(notifier.activeSubscriptions()).isZero();
    }

    @Test
    void notifyAnsweredWithAnErrorEndsTheSubscriptionWithoutAnotherNotify() {
        RecordingChannel dialog = new RecordingChannel();
        String id = notifier.subscribe(ALICE, 600, dialog).orElseThrow();

        notifier.notifyFailed(id, 481);

        assertThat(notifier.isActive(id)).isFalse();
        assertThat(dialog.closed).isTrue();
        assertThat(dialog.sent).hasSize(1);
        clock.advance(Duration.ofSeconds(600));
        notifier.expireDue();
        assertThat(dialog.sent).hasSize(1);
    }

    @Test
    void unreachableDialogEndsTheSubscription() {
        RecordingChannel dialog = new RecordingChannel();
        String id = notifier.subscribe(ALICE, 600, dialog).orElseThrow();
        dialog.reachable = false;

        notifier.registrationChanged(ALICE, List.of(new ContactChange(PHONE, Event.REGISTERED, 300, "call-1", 1, null)));

        assertThat(notifier.isActive(id)).isFalse();
        assertThat(dialog.closed).isTrue();
        assertThat(notifier.activeSubscriptions()).isZero();
    }

    @Test
    void dialogGoneBeforeTheFirstNotifyMeansNoSubscription() {
        RecordingChannel dialog = new RecordingChannel();
        dialog.reachable = false;

        assertThat(notifier.subscribe(ALICE, 600, dialog)).isEmpty();
        assertThat(notifier.activeSubscriptions()).isZero();
    }

    @Test
    void concurrentChangesAreNotifiedWithConsecutiveVersions() throws InterruptedException {
        RecordingChannel dialog = new RecordingChannel();
        notifier.subscribe(ALICE, 600, dialog);
        int threads = 8;
        int changesPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                awaitQuietly(start);
                for (int i = 0; i < changesPerThread; i++) {
                    notifier.registrationChanged(ALICE,
                            List.of(new ContactChange(PHONE, Event.REFRESHED, 300, "call-1", i, null)));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> versions = new ArrayList<>();
        ReginfoXml xml = new ReginfoXml();
        dialog.sent.forEach(notify -> versions.add(xml.read(notify.body()).version()));
        assertThat(versions).hasSize(1 + threads * changesPerThread);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).as("NOTIFY %d", i).isEqualTo(i);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
