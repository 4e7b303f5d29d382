package org.seed.sip.common.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The running subscriptions of one package, by id, by the resource they watch and by their dialog. */
final class SubscriptionRegistry {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscription>> byResource = new ConcurrentHashMap<>();
    private final Map<DialogId, Subscription> byDialog = new ConcurrentHashMap<>();

    /**
     * RFC 3261 §12: Call-ID, local tag and remote tag name a dialog; RFC 6665 §4.5.2: the Event header (with
     * its id) tells apart the subscriptions that share one.
     */
    private record DialogId(String callId, String localTag, String remoteTag, String event) {

        static DialogId of(SubscriptionRecord record) {
            SubscriptionDialog dialog = record.dialog();
            return new DialogId(dialog.callId(), dialog.localTag(), dialog.remoteTag(), record.event());
        }
    }

    void add(Subscription subscription) {
        SubscriptionRecord record = subscription.record();
        byId.put(record.id(), subscription);
        byDialog.put(DialogId.of(record), subscription);
        byResource.compute(record.resource(), (resource, set) -> {
            Set<Subscription> subscriptions = set == null ? ConcurrentHashMap.newKeySet() : set;
            subscriptions.add(subscription);
            return subscriptions;
        });
    }

    void remove(Subscription subscription) {
        SubscriptionRecord record = subscription.record();
        byId.remove(record.id(), subscription);
        byDialog.remove(DialogId.of(record), subscription);
        byResource.computeIfPresent(record.resource(), (resource, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    Optional<Subscription> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The subscription that a request with these dialog ids and this Event header belongs to. */
    Optional<Subscription> inDialog(String callId, String toTag, String fromTag, String event) {
        if (callId == null || toTag == null || fromTag == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDialog.get(new DialogId(callId, toTag, fromTag, event)));
    }

    boolean watches(String resource) {
        return byResource.containsKey(resource);
    }

    List<Subscription> onResource(String resource) {
        Set<Subscription> watching = byResource.get(resource);
        return watching == null ? List.of() : List.copyOf(watching);
    }

    List<Subscription> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }
}
