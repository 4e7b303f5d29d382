package org.seed.sip.common.event;

/**
 * Told of the life of a package's subscriptions, after the notifier acted: what a watcher-information
 * package (RFC 3857) reports. Called on the thread that changed the subscription; must not block.
 */
public interface SubscriptionListener {

    SubscriptionListener NONE = new SubscriptionListener() {
    };

    /** A new subscription, active or pending ({@link SubscriptionRecord#pending()}). */
    default void started(SubscriptionRecord subscription) {
    }

    /** A subscription went from pending to active, or from active back to pending. */
    default void authorizationChanged(SubscriptionRecord subscription) {
    }

    /**
     * A subscription ended.
     *
     * @param reason the reason of its final NOTIFY, or null when no NOTIFY could reach the subscriber any more
     */
    default void ended(SubscriptionRecord subscription, TerminationReason reason) {
    }
}
