package org.seed.sip.presence.watch;

import java.time.Duration;
import java.util.Set;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.event.ExpiryPolicy;

/**
 * The watchers' side of the presence configuration.
 *
 * @param domains           the SIP domains whose users' presence is served
 * @param subscriptions     durations of presence and watcher-information subscriptions
 * @param notifyMinInterval the least time between two NOTIFYs of changes of one presentity (RFC 3856 §6.10)
 */
public record WatchSettings(Set<String> domains, ExpiryPolicy subscriptions, Duration notifyMinInterval) {

    public static WatchSettings from(PlatformSettings settings) {
        return new WatchSettings(
                Set.copyOf(settings.list("sip.domains").stream().map(String::toLowerCase).toList()),
                new ExpiryPolicy(
                        settings.integer("presence.subscribe.expires.default"),
                        settings.integer("presence.subscribe.expires.min"),
                        settings.integer("presence.subscribe.expires.max")),
                Duration.ofSeconds(settings.integer("presence.notify.min.interval")));
    }
}
