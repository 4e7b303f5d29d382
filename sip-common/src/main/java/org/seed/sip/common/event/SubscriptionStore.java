package org.seed.sip.common.event;

import java.util.List;

/**
 * Where subscriptions survive a restart. The notifier keeps its subscriptions in memory and writes each
 * change here; at start it reads them back.
 */
public interface SubscriptionStore {

    /** Inserts the subscription, or replaces the stored one with the same id. */
    void save(SubscriptionRecord subscription);

    /** Removes the subscription of this id, if stored. */
    void delete(String id);

    /** Every stored subscription of {@code eventPackage}, ended ones included until deleted. */
    List<SubscriptionRecord> all(String eventPackage);
}
