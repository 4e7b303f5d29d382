package org.seed.sip.console.api;

import java.time.Clock;
import java.util.List;

import org.seed.sip.common.presence.PresentityPolicy;
import org.seed.sip.common.presence.WatcherRules;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.event.EventSubscriptionRepository;
import org.seed.sip.store.presence.PresenceRulesRepository;

/**
 * {@code /api/accounts/user@domain/watchers}: the unexpired presence subscriptions to the account (RFC 3857's
 * watcher list), each with what the account's rules now grant its watcher: a pending watcher whose grant is
 * no longer pending is one the presence server is about to accept or reject.
 */
final class WatchersResource {

    /** The event package whose subscriptions are a presentity's watchers (RFC 3856). */
    private static final String PRESENCE = "presence";

    private final KnownAccounts accounts;
    private final EventSubscriptionRepository subscriptions;
    private final PresenceRulesRepository rules;
    private final WatcherRules watcherRules;
    private final Clock clock;

    WatchersResource(KnownAccounts accounts, EventSubscriptionRepository subscriptions, PresenceRulesRepository rules,
            WatcherRules watcherRules, Clock clock) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.rules = rules;
        this.watcherRules = watcherRules;
        this.clock = clock;
    }

    Endpoint of(AccountId id) {
        return new Endpoint().on("GET", (request, admin) -> list(id));
    }

    private ApiResponse list(AccountId id) {
        AddressOfRecord presentity = accounts.require(id);
        PresentityPolicy policy = watcherRules.of(presentity, rules.find(presentity).orElse(null));
        List<WatcherView> watchers = subscriptions.ofResource(PRESENCE, presentity.toString()).stream()
                .filter(subscription -> subscription.expiresAt().isAfter(clock.instant()))
                .map(subscription -> WatcherView.of(subscription, policy))
                .toList();
        return ApiResponse.ok(new WatcherView.Watchers(presentity.toString(), watchers));
    }
}
