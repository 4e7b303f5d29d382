package org.seed.sip.common.event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The store a restart leaves behind, in a map. */
public final class MemorySubscriptionStore implements SubscriptionStore {

    public final Map<String, SubscriptionRecord> records = new ConcurrentHashMap<>();

    @Override
    public void save(SubscriptionRecord subscription) {
        records.put(subscription.id(), subscription);
    }

    @Override
    public void delete(String id) {
        records.remove(id);
    }

    @Override
    public List<SubscriptionRecord> all(String eventPackage) {
        return records.values().stream().filter(record -> record.eventPackage().equals(eventPackage)).toList();
    }
}
