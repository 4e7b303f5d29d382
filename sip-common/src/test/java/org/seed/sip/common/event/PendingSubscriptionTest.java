package org.seed.sip.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.reach.Origin;

/**
 * Subscriptions that wait for the resource's owner (RFC 6665 §4.1.3 pending), authorization asked again when
 * the rules change, and what each subscriber is shown of the state: the notifier with a text package whose
 * rules and views a map holds.
 */
class PendingSubscriptionTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final Subscriber BOB = new Subscriber("bob", "example.com", false);
    private static final Subscriber CAROL = new Subscriber("carol", "example.com", false);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final Map<String, Authorization> rules = new ConcurrentHashMap<>();
    private final Map<String, String> views = new ConcurrentHashMap<>();
    private final MemorySubscriptionStore store = new MemorySubscriptionStore();
    private final RecordingSender sender = new RecordingSender();
    private final List<String> lives = new ArrayList<>();
    private final Notifier<String, String> notifier = startedNotifier();
    private int subscriptions;

    @Test
    void pendingSubscriptionIsToldItWaitsAndShownNoStateNorChanges() {
        String id = subscribe(BOB, true);

        Notify first = sender.last().message();
        assertThat(first.subscriptionState()).isEqualTo("pending;expires=600");
        assertThat(first.hasBody()).isFalse();
        assertThat(first.contentType()).isNull();
        notifier.answered(id, 200);
        notifier.changed(ALICE, "away");

        assertThat(sender.sent).hasSize(1);
        assertThat(store.all("test")).singleElement().satisfies(stored -> assertThat(stored.pending()).isTrue());
    }

    @Test
    void grantedOnceTheRulesChangeItGetsTheFullStateAsItsFirstVersion() {
        String id = subscribe(BOB, true);
        notifier.answered(id, 200);

        rules.put("bob", Authorization.GRANTED);
        notifier.reauthorize(ALICE);

        assertThat(sender.last().message().subscriptionState()).isEqualTo("active;expires=600");
        assertThat(sender.last().body()).isEqualTo("v0 full available");
        assertThat(sender.last().message().cseq()).isEqualTo(2);
        assertThat(store.all("test")).singleElement().satisfies(stored -> assertThat(stored.pending()).isFalse());
        assertThat(lives).containsExactly("started " + id + " pending", "authorization " + id + " active");
    }

    @Test
    void refusedOnceTheRulesChangeItEndsRejectedWithoutState() {
        String id = subscribe(BOB, false);
        notifier.answered(id, 200);

        rules.put("bob", Authorization.refused(SubscribeDecision.Reject.of(403, "Forbidden")));
        notifier.reauthorize(ALICE);

        Notify last = sender.last().message();
        assertThat(last.subscriptionState()).isEqualTo("terminated;reason=rejected");
        assertThat(last.hasBody()).isFalse();
        notifier.answered(id, 200);
        assertThat(notifier.subscriptionsTo(ALICE)).isEmpty();
        assertThat(lives).containsExactly("started " + id + " active", "ended " + id + " rejected");
    }

    @Test
    void grantedSubscriptionIsSentWhatItIsNowShownWhenTheRulesChange() {
        String id = subscribe(BOB, false);
        notifier.answered(id, 200);

        views.put("bob", "closed");
        notifier.reauthorize(ALICE);

        assertThat(sender.last().body()).isEqualTo("v1 full closed");
        assertThat(lives).containsExactly("started " + id + " active");
    }

    @Test
    void eachSubscriberIsShownItsOwnViewOfOneChange() {
        views.put("carol", "closed");
        String bob = subscribe(BOB, false);
        String carol = subscribe(CAROL, false);
        notifier.answered(bob, 200);
        notifier.answered(carol, 200);

        notifier.changed(ALICE, "away");

        assertThat(sender.sent.subList(2, 4)).extracting(RecordingSender.Sent::subscriptionId,
                RecordingSender.Sent::body).containsExactlyInAnyOrder(
                        tuple(bob, "v1 partial away seen as available"),
                        tuple(carol, "v1 partial away seen as closed"));
    }

    @Test
    void watchersAreListedPendingOnesIncludedUntilTheyEnd() {
        String bob = subscribe(BOB, true);
        String carol = subscribe(CAROL, false);

        assertThat(notifier.subscriptionsTo(ALICE)).extracting(SubscriptionRecord::id, SubscriptionRecord::pending)
                .containsExactlyInAnyOrder(tuple(bob, true),
                        tuple(carol, false));
        assertThat(notifier.subscriptionsTo("sip:nobody@example.com")).isEmpty();
    }

    @Test
    void pendingNotifyUsesNoVersionSoTheFirstDocumentIsVersionZeroAfterARestart() {
        String id = subscribe(BOB, true);
        notifier.answered(id, 200);

        Notifier<String, String> restarted = notifier();
        restarted.start(sender);
        rules.put("bob", Authorization.GRANTED);
        restarted.reauthorize(ALICE);

        assertThat(sender.last().body()).isEqualTo("v0 full available");
        assertThat(sender.last().message().cseq()).isEqualTo(2);
    }

    private String subscribe(Subscriber subscriber, boolean pending) {
        String id = "s" + ++subscriptions;
        rules.putIfAbsent(subscriber.username(), pending ? Authorization.PENDING : Authorization.GRANTED);
        SubscriptionDialog dialog = new SubscriptionDialog("call-" + id, "local-" + id, "remote-" + id, ALICE,
                "sip:" + subscriber.username() + "@example.com", "sip:watcher@192.0.2.30:5060", List.of());
        notifier.subscribe(new SubscriptionRecord(id, "test", ALICE, "test", dialog, subscriber,
                new Origin("192.0.2.30", 5060, "udp"), clock.instant(), 0, 0, pending), 600);
        return id;
    }

    private Notifier<String, String> startedNotifier() {
        Notifier<String, String> started = notifier();
        started.start(sender);
        return started;
    }

    private Notifier<String, String> notifier() {
        EventPackage<String, String> text = new EventPackage<>("test", "text/test",
                uri -> Optional.of(new Resource(uri, "example.com")),
                (resource, subscriber) -> rules.getOrDefault(subscriber.username(), Authorization.GRANTED),
                resource -> "available",
                (subscriber, resource, state) -> views.getOrDefault(subscriber.username(), state),
                new BodyWriter<>() {
                    @Override
                    public byte[] fullState(long version, String resource, String current) {
                        return ("v" + version + " full " + current).getBytes(StandardCharsets.UTF_8);
                    }

                    @Override
                    public byte[] partialState(long version, String resource, String change, String current) {
                        return ("v" + version + " partial " + change + " seen as " + current)
                                .getBytes(StandardCharsets.UTF_8);
                    }
                });
        Notifier<String, String> built = new Notifier<>(text, store, clock, Runnable::run);
        built.listenWith(new SubscriptionListener() {
            @Override
            public void started(SubscriptionRecord subscription) {
                lives.add("started " + subscription.id() + (subscription.pending() ? " pending" : " active"));
            }

            @Override
            public void authorizationChanged(SubscriptionRecord subscription) {
                lives.add("authorization " + subscription.id() + (subscription.pending() ? " pending" : " active"));
            }

            @Override
            public void ended(SubscriptionRecord subscription, TerminationReason reason) {
                lives.add("ended " + subscription.id() + " " + (reason == null ? "failed" : reason.token()));
            }
        });
        return built;
    }
}
