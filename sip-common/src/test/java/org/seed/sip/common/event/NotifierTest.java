package org.seed.sip.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.reach.Origin;

/**
 * The notifier's state machine (RFC 6665 §4.2) without a container: a text package whose bodies say what
 * they are, a recorded container side, a store in a map, a clock the test moves and changes notified on the
 * calling thread.
 */
class NotifierTest {

    private static final String ALICE = "sip:alice@example.com";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final MemorySubscriptionStore store = new MemorySubscriptionStore();
    private final RecordingSender sender = new RecordingSender();
    private final Notifier<String, String> notifier = startedNotifier();
    private int subscriptions;

    @Test
    void subscriptionStartsWithTheFullStateAsVersionZeroAndCSeqOne() {
        state.put(ALICE, "one phone");

        String id = subscribe(600);

        assertThat(sender.last().subscriptionId()).isEqualTo(id);
        Notify first = sender.last().message();
        assertThat(first.subscriptionState()).isEqualTo("active;expires=600");
        assertThat(first.contentType()).isEqualTo("text/test");
        assertThat(sender.last().body()).isEqualTo("v0 full one phone");
        assertThat(first.cseq()).isEqualTo(1);
        assertThat(sender.keptUntil).containsExactly(clock.instant().plusSeconds(600));
    }

    @Test
    void eachNotifysCSeqIsStoredBeforeItLeaves() {
        List<Long> storedWhenSent = new ArrayList<>();
        Notifier<String, String> writingAhead = notifier();
        writingAhead.start(new NotifySender() {
            @Override
            public Result send(SubscriptionRecord subscription, Notify notify) {
                storedWhenSent.add(store.all("test").get(0).localCseq());
                return Result.SENT_UNTRACKED;
            }

            @Override
            public void keepUntil(SubscriptionRecord subscription, Instant until) {
            }

            @Override
            public void release(SubscriptionRecord subscription) {
            }
        });

        writingAhead.subscribe(record("s1"), 600);
        writingAhead.changed(ALICE, "registered");

        // a platform stopped right after a send goes on above that CSeq
        assertThat(storedWhenSent).containsExactly(1L, 2L);
    }

    @Test
    void nextNotifyLeavesOnlyOnceThePreviousIsAnswered() {
        String id = subscribe(600);

        notifier.changed(ALICE, "registered");
        notifier.changed(ALICE, "refreshed");

        assertThat(sender.sent).as("the first still unanswered").hasSize(1);
        notifier.answered(id, 200);
        assertThat(sender.last().body()).isEqualTo("v1 partial registered");
        notifier.answered(id, 200);
        assertThat(sender.last().body()).isEqualTo("v2 partial refreshed");
        assertThat(sender.sent).extracting(sent -> sent.message().cseq()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void changeStatesTheSecondsLeft() {
        String id = subscribe(600);
        notifier.answered(id, 200);
        clock.advance(Duration.ofSeconds(100));

        notifier.changed(ALICE, "registered");

        assertThat(sender.last().message().subscriptionState()).isEqualTo("active;expires=500");
    }

    @Test
    void changesOfAnotherResourceAreNotNotified() {
        String id = subscribe(600);
        notifier.answered(id, 200);

        notifier.changed("sip:bob@example.com", "registered");

        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void everySubscriberOfTheResourceIsNotified() {
        String first = subscribe(600);
        String second = subscribe(600);
        notifier.answered(first, 200);
        notifier.answered(second, 200);

        notifier.changed(ALICE, "registered");

        assertThat(sender.sent.subList(2, 4)).extracting(RecordingSender.Sent::subscriptionId)
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void refreshRestartsTheDurationAndSendsTheFullState() {
        String id = subscribe(600);
        notifier.answered(id, 200);
        clock.advance(Duration.ofSeconds(500));

        notifier.refresh(id, 900);

        assertThat(sender.last().message().subscriptionState()).isEqualTo("active;expires=900");
        assertThat(sender.last().body()).startsWith("v1 full");
        notifier.answered(id, 200);
        clock.advance(Duration.ofSeconds(200));
        notifier.tick();
        assertThat(notifier.isActive(id)).as("refreshed, not expired at its first end").isTrue();
    }

    @Test
    void unsubscribingEndsWithAFinalNotifyAndReleasesTheDialogOnItsAnswer() {
        String id = subscribe(600);
        notifier.answered(id, 200);

        notifier.refresh(id, 0);

        assertThat(sender.last().message().subscriptionState()).isEqualTo("terminated;reason=timeout");
        assertThat(sender.last().body()).startsWith("v1 full");
        assertThat(notifier.isActive(id)).isFalse();
        assertThat(sender.released).as("not before the final NOTIFY's answer").isEmpty();
        notifier.answered(id, 200);
        assertThat(sender.released).containsExactly(id);
        assertThat(notifier.activeSubscriptions()).isZero();
        assertThat(store.records).isEmpty();
        notifier.changed(ALICE, "registered");
        assertThat(sender.sent).as("nothing after the final NOTIFY").hasSize(2);
    }

    @Test
    void expiredSubscriptionEndsWithTimeout() {
        String id = subscribe(600);
        notifier.answered(id, 200);
        clock.advance(Duration.ofSeconds(599));
        notifier.tick();
        assertThat(notifier.isActive(id)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        notifier.tick();

        assertThat(notifier.isActive(id)).isFalse();
        assertThat(sender.last().message().subscriptionState()).isEqualTo("terminated;reason=timeout");
        assertThat(sender.keptUntil).as("kept for the final NOTIFY's transaction")
                .endsWith(clock.instant().plusSeconds(32));
    }

    @Test
    void fetchSendsOneFinalNotifyWithTheState() {
        state.put(ALICE, "one phone");

        String id = subscribe(0);

        assertThat(sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.message().subscriptionState()).isEqualTo("terminated;reason=timeout");
            assertThat(sent.body()).isEqualTo("v0 full one phone");
        });
        notifier.answered(id, 200);
        assertThat(notifier.activeSubscriptions()).isZero();
        assertThat(sender.released).containsExactly(id);
    }

    @Test
    void notifyAnsweredWithAnErrorEndsTheSubscriptionWithoutAnotherNotify() {
        for (int status : List.of(481, 408, 500)) {
            String id = subscribe(600);
            notifier.changed(ALICE, "queued behind the first");

            notifier.answered(id, status);

            assertThat(notifier.isActive(id)).as("after %d", status).isFalse();
            assertThat(sender.released).contains(id);
            assertThat(store.records).doesNotContainKey(id);
        }
        clock.advance(Duration.ofSeconds(600));
        notifier.tick();
        assertThat(sender.sent).as("only the first NOTIFY of each").hasSize(3);
    }

    @Test
    void notifyNeverAnsweredEndsTheSubscription() {
        String id = subscribe(600);
        clock.advance(Duration.ofSeconds(40));
        notifier.tick();
        assertThat(notifier.isActive(id)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        notifier.tick();

        assertThat(notifier.isActive(id)).isFalse();
        assertThat(sender.sent).hasSize(1);
    }

    @Test
    void dialogGoneEndsTheSubscription() {
        String id = subscribe(600);
        notifier.answered(id, 200);
        sender.result = NotifySender.Result.DIALOG_GONE;

        notifier.changed(ALICE, "registered");

        assertThat(notifier.isActive(id)).isFalse();
        assertThat(sender.released).containsExactly(id);
        assertThat(notifier.activeSubscriptions()).isZero();
    }

    @Test
    void notifyTheContainerCannotSendYetIsRetriedThenGivenUp() {
        sender.result = NotifySender.Result.NOT_NOW;
        String id = subscribe(600);
        assertThat(sender.sent).isEmpty();

        sender.result = NotifySender.Result.SENT;
        notifier.tick();
        assertThat(sender.sent).singleElement().satisfies(sent -> assertThat(sent.body()).startsWith("v0 full"));

        notifier.answered(id, 200);
        sender.result = NotifySender.Result.NOT_NOW;
        notifier.changed(ALICE, "registered");
        clock.advance(Duration.ofSeconds(33));
        notifier.tick();
        assertThat(notifier.isActive(id)).isFalse();
    }

    @Test
    void notifyWhoseAnswerTheContainerCannotReportLetsTheNextOneLeave() {
        sender.result = NotifySender.Result.SENT_UNTRACKED;
        String id = subscribe(600);

        notifier.changed(ALICE, "registered");
        notifier.refresh(id, 0);

        assertThat(sender.sent).extracting(RecordingSender.Sent::body)
                .containsExactly("v0 full nothing", "v1 partial registered", "v2 full nothing");
        assertThat(sender.sent).extracting(sent -> sent.message().cseq()).containsExactly(1L, 2L, 3L);
        assertThat(notifier.activeSubscriptions()).as("ended with its final NOTIFY").isZero();
        assertThat(sender.released).containsExactly(id);
    }

    @Test
    void endedResourceEndsItsSubscriptionsWithTheReason() {
        String id = subscribe(600);
        notifier.answered(id, 200);

        notifier.ended(ALICE, "account deleted", TerminationReason.NORESOURCE);

        assertThat(sender.last().message().subscriptionState()).isEqualTo("terminated;reason=noresource");
        assertThat(sender.last().body()).isEqualTo("v1 partial account deleted");
        assertThat(notifier.isActive(id)).isFalse();
    }

    @Test
    void storedSubscriptionsAreResumedAfterARestartWithTheirVersionAndCSeq() {
        String id = subscribe(600);
        notifier.answered(id, 200);
        notifier.changed(ALICE, "registered");
        notifier.answered(id, 200);

        RecordingSender afterRestart = new RecordingSender();
        Notifier<String, String> restarted = notifier();
        restarted.start(afterRestart);

        Optional<SubscriptionRecord> found = restarted.inDialog("call-1", "local-1", "remote-1", "test");
        assertThat(found).map(SubscriptionRecord::id).hasValue(id);
        restarted.changed(ALICE, "refreshed");
        assertThat(afterRestart.last().body()).isEqualTo("v2 partial refreshed");
        assertThat(afterRestart.last().message().cseq()).isEqualTo(3);
        restarted.answered(id, 200);
        restarted.refresh(id, 300);
        assertThat(afterRestart.last().body()).startsWith("v3 full");
        assertThat(store.records.get(id).nextVersion()).isEqualTo(4);
    }

    @Test
    void requestOfAnotherDialogOrEventFindsNoSubscription() {
        subscribe(600);

        assertThat(notifier.inDialog("call-1", "local-1", "other", "test")).isEmpty();
        assertThat(notifier.inDialog("call-1", "local-1", "remote-1", "test;id=2")).isEmpty();
    }

    @Test
    void concurrentChangesAreNotifiedInOrderWithConsecutiveVersions() throws InterruptedException {
        int threads = 8;
        int changesPerThread = 50;
        ExecutorService subscriber = Executors.newSingleThreadExecutor();
        AnsweringSender answering = new AnsweringSender(new RecordingSender(), subscriber,
                new CountDownLatch(1 + threads * changesPerThread));
        Notifier<String, String> autoAnswered = notifier();
        answering.notifier = autoAnswered;
        autoAnswered.start(answering);
        autoAnswered.subscribe(record("s1"), 600);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                awaitQuietly(start);
                for (int i = 0; i < changesPerThread; i++) {
                    autoAnswered.changed(ALICE, "change");
                }
            });
        }
        start.countDown();
        pool.shutdown();

        assertThat(answering.all.await(30, TimeUnit.SECONDS)).as("every NOTIFY sent").isTrue();
        // the last answer sends nothing more: the subscriber's thread ends once it is given
        subscriber.shutdown();
        assertThat(subscriber.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        List<Long> versions = new ArrayList<>();
        answering.recorder.sent.forEach(sent -> versions.add(Long.parseLong(sent.body().split(" ")[0].substring(1))));
        assertThat(versions).hasSize(1 + threads * changesPerThread);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).as("NOTIFY %d", i).isEqualTo(i);
        }
    }

    /** A subscriber that answers every NOTIFY 200 on a thread of its own, as soon as it can. */
    private static final class AnsweringSender implements NotifySender {

        final RecordingSender recorder;
        final ExecutorService subscriber;
        final CountDownLatch all;
        volatile Notifier<String, String> notifier;

        AnsweringSender(RecordingSender recorder, ExecutorService subscriber, CountDownLatch all) {
            this.recorder = recorder;
            this.subscriber = subscriber;
            this.all = all;
        }

        @Override
        public Result send(SubscriptionRecord subscription, Notify notify) {
            recorder.send(subscription, notify);
            subscriber.execute(() -> notifier.answered(subscription.id(), 200));
            all.countDown();
            return Result.SENT;
        }

        @Override
        public void keepUntil(SubscriptionRecord subscription, Instant until) {
        }

        @Override
        public void release(SubscriptionRecord subscription) {
        }
    }

    private String subscribe(int expires) {
        SubscriptionRecord record = record("s" + ++subscriptions);
        notifier.subscribe(record, expires);
        return record.id();
    }

    private SubscriptionRecord record(String id) {
        SubscriptionDialog dialog = new SubscriptionDialog("call-" + id.substring(1), "local-" + id.substring(1),
                "remote-" + id.substring(1), ALICE, "sip:watcher@example.com", "sip:watcher@192.0.2.30:5060",
                List.of());
        return new SubscriptionRecord(id, "test", ALICE, "test", dialog, new Subscriber("alice", "example.com", false),
                new Origin("192.0.2.30", 5060, "udp"), clock.instant(), 0, 0, false);
    }

    private Notifier<String, String> startedNotifier() {
        Notifier<String, String> started = notifier();
        started.start(sender);
        return started;
    }

    private Notifier<String, String> notifier() {
        EventPackage<String, String> text = new EventPackage<>("test", "text/test",
                uri -> Optional.of(new Resource(uri, "example.com")), (resource, subscriber) -> Authorization.GRANTED,
                resource -> state.getOrDefault(resource, "nothing"), new BodyWriter<>() {
                    @Override
                    public byte[] fullState(long version, String resource, String current) {
                        return ("v" + version + " full " + current).getBytes(StandardCharsets.UTF_8);
                    }

                    @Override
                    public byte[] partialState(long version, String resource, String change, String current) {
                        return ("v" + version + " partial " + change).getBytes(StandardCharsets.UTF_8);
                    }
                });
        return new Notifier<>(text, store, clock, Runnable::run);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
