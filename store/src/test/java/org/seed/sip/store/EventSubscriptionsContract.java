package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.reach.Origin;

/** Subscriptions read back as written, by package. Part of {@link StoreContractTest}: runs on every database. */
interface EventSubscriptionsContract {

    Store store();

    private static SubscriptionRecord subscription(String id, String eventPackage, List<String> routeSet,
            long nextVersion, long localCseq) {
        return subscription(id, eventPackage, "sip:alice@example.com", routeSet, nextVersion, localCseq, false);
    }

    private static SubscriptionRecord subscription(String id, String eventPackage, String resource,
            List<String> routeSet, long nextVersion, long localCseq, boolean pending) {
        return new SubscriptionRecord(id, eventPackage, resource, "reg;id=7",
                new SubscriptionDialog("call-1@192.0.2.30", "local-tag", "remote-tag", "sip:alice@example.com",
                        "sip:watcher@example.com", "sip:watcher@192.0.2.30:5070;transport=tcp", routeSet),
                new Subscriber("watcher", "example.com", true), new Origin("192.0.2.30", 5070, "tcp"),
                Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS), nextVersion, localCseq, pending);
    }

    @Test
    default void subscriptionReadsBackWithItsDialogAndIsUpdatedInPlace() {
        SubscriptionRecord first = subscription("s-1", "reg",
                List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>"), 0, 0);
        store().subscriptions().save(first);
        SubscriptionRecord later = subscription("s-1", "reg", first.dialog().routeSet(), 5, 4);
        store().subscriptions().save(later);

        assertThat(store().subscriptions().all("reg")).containsExactly(later);
    }

    @Test
    default void subscriptionsAreListedByPackageAndDeletedById() {
        store().subscriptions().save(subscription("s-1", "reg", List.of(), 0, 0));
        store().subscriptions().save(subscription("s-2", "presence", List.of(), 0, 0));

        store().subscriptions().delete("s-1");
        store().subscriptions().delete("no-such-id");

        assertThat(store().subscriptions().all("reg")).isEmpty();
        assertThat(store().subscriptions().all("presence")).extracting(SubscriptionRecord::id).containsExactly("s-2");
    }

    @Test
    default void watchersOfOneResourceAreListedWithWhetherTheyWaitForAuthorization() {
        store().subscriptions().save(subscription("s-1", "presence", "sip:alice@example.com", List.of(), 0, 0, true));
        store().subscriptions().save(subscription("s-2", "presence", "sip:alice@example.com", List.of(), 1, 1, false));
        store().subscriptions().save(subscription("s-3", "presence", "sip:bob@example.com", List.of(), 0, 0, false));
        store().subscriptions().save(subscription("s-4", "reg", "sip:alice@example.com", List.of(), 0, 0, false));

        assertThat(store().subscriptions().ofResource("presence", "sip:alice@example.com"))
                .extracting(SubscriptionRecord::id, SubscriptionRecord::pending)
                .containsExactly(tuple("s-1", true),
                        tuple("s-2", false));
    }
}
