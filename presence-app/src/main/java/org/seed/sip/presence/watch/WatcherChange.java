package org.seed.sip.presence.watch;

import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.event.TerminationReason;

/**
 * What happened to one watcher of a presentity, as watcher information reports it (RFC 3857 §3.2.4).
 *
 * @param subscription the watcher's presence subscription
 * @param status       {@code pending}, {@code active} or {@code terminated}
 * @param event        what led there
 */
public record WatcherChange(SubscriptionRecord subscription, String status, String event) {

    static WatcherChange started(SubscriptionRecord subscription) {
        return new WatcherChange(subscription, status(subscription), "subscribe");
    }

    /** Pending to active is {@code approved}; active back to pending is told as a new subscription would be. */
    static WatcherChange authorizationChanged(SubscriptionRecord subscription) {
        return new WatcherChange(subscription, status(subscription), subscription.pending() ? "subscribe" : "approved");
    }

    /**
     * RFC 3857 §3.2.4 names the events after the Subscription-State reasons of RFC 6665; a subscription whose
     * NOTIFYs could no longer reach its watcher ends as one not refreshed would: {@code timeout}.
     */
    static WatcherChange ended(SubscriptionRecord subscription, TerminationReason reason) {
        return new WatcherChange(subscription, "terminated",
                reason == null || reason == TerminationReason.INVARIANT ? "timeout" : reason.token());
    }

    static String status(SubscriptionRecord subscription) {
        return subscription.pending() ? "pending" : "active";
    }
}
