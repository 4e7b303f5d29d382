package org.seed.sip.store.event;

import java.time.Instant;
import java.util.List;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.event.SubscriptionStore;
import org.seed.sip.store.jpa.Transactions;

/**
 * The subscriptions of every event package, each call in its own transaction. A notifier writes each change
 * of its subscriptions (start, refresh, every NOTIFY's CSeq and version, end) and reads them back at start.
 */
public final class EventSubscriptionRepository implements SubscriptionStore {

    private final Transactions transactions;

    public EventSubscriptionRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(SubscriptionRecord subscription) {
        Instant now = Instant.now();
        transactions.inTransaction(em -> {
            EventSubscription stored = em.find(EventSubscription.class, subscription.id());
            if (stored == null) {
                em.persist(new EventSubscription(subscription, now));
            } else {
                stored.copyFrom(subscription, now);
            }
            return null;
        });
    }

    @Override
    public void delete(String id) {
        transactions.inTransaction(em -> em
                .createQuery("delete from EventSubscription s where s.id = :id")
                .setParameter("id", id)
                .executeUpdate());
    }

    /** The stored subscriptions of {@code eventPackage} to {@code resource}: a presentity's watchers. */
    public List<SubscriptionRecord> ofResource(String eventPackage, String resource) {
        return transactions.read(em -> em
                .createQuery("select s from EventSubscription s where s.eventPackage = :eventPackage"
                        + " and s.resource = :resource order by s.id", EventSubscription.class)
                .setParameter("eventPackage", eventPackage)
                .setParameter("resource", resource)
                .getResultStream()
                .map(EventSubscription::toRecord)
                .toList());
    }

    @Override
    public List<SubscriptionRecord> all(String eventPackage) {
        return transactions.read(em -> em
                .createQuery("select s from EventSubscription s where s.eventPackage = :eventPackage order by s.id",
                        EventSubscription.class)
                .setParameter("eventPackage", eventPackage)
                .getResultStream()
                .map(EventSubscription::toRecord)
                .toList());
    }
}
