package org.seed.sip.presence.watch;

import org.seed.sip.common.event.Authorization;
import org.seed.sip.common.event.AuthorizationRule;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.SubscribeDecision;
import org.seed.sip.common.event.Subscriber;

/**
 * Who may watch a presentity (RFC 3856 §6.6, with RFC 5025's sub-handling): its rules decide; a polite-blocked
 * watcher is let in and shown a presentity never available ({@link PresenceEvent}'s view).
 */
final class WatcherAuthorization implements AuthorizationRule {

    private final Presentities presentities;
    private final WatcherGrants grants;

    WatcherAuthorization(Presentities presentities, WatcherGrants grants) {
        this.presentities = presentities;
        this.grants = grants;
    }

    @Override
    public Authorization authorize(Resource resource, Subscriber subscriber) {
        var unknown = presentities.unknown(resource);
        if (unknown.isPresent()) {
            return Authorization.refused(unknown.get());
        }
        return switch (grants.of(resource.uri(), Presentities.aorOf(subscriber))) {
            case ALLOW, POLITE_BLOCK -> Authorization.GRANTED;
            case PENDING -> Authorization.PENDING;
            case BLOCK -> Authorization.refused(SubscribeDecision.Reject.of(403, "Forbidden"));
        };
    }
}
