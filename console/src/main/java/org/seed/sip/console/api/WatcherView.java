package org.seed.sip.console.api;

import java.util.List;

import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.presence.PresentityPolicy;
import org.seed.sip.common.sip.AddressOfRecord;

/**
 * One presence subscription to an account, as the API shows it.
 *
 * @param id      the subscription's id in the store
 * @param watcher the watcher's AOR, as it authenticated ({@code sip:bob@example.com})
 * @param status  {@code active}, or {@code pending} while it waits for the presentity to decide
 * @param grant   what the presentity's current rules say for this watcher: {@code allow}, {@code pending},
 *                {@code block} or {@code polite-block}
 * @param expires when the subscription ends unless refreshed, ISO-8601 in UTC
 */
public record WatcherView(String id, String watcher, String status, String grant, String expires) {

    /** The answer's body: the presentity and its watchers. */
    public record Watchers(String aor, List<WatcherView> watchers) {
    }

    static WatcherView of(SubscriptionRecord subscription, PresentityPolicy policy) {
        AddressOfRecord watcher = new AddressOfRecord(subscription.subscriber().username(), subscription.subscriber().domain());
        return new WatcherView(subscription.id(), watcher.toString(), subscription.pending() ? "pending" : "active",
                policy.grant(watcher).token(), subscription.expiresAt().toString());
    }
}
