package org.seed.sip.presence.watch;

import org.seed.sip.common.event.Authorization;
import org.seed.sip.common.event.AuthorizationRule;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.SubscribeDecision;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.sip.AddressOfRecord;

/**
 * RFC 3857 §5.6: a presentity's watchers are its own business: only the presentity itself, or an administrator
 * of its domain, may watch them.
 */
final class OwnerOnly implements AuthorizationRule {

    private final Presentities presentities;

    OwnerOnly(Presentities presentities) {
        this.presentities = presentities;
    }

    @Override
    public Authorization authorize(Resource resource, Subscriber subscriber) {
        AddressOfRecord owner = AddressOfRecord.parse(resource.uri());
        boolean itself = owner.equals(new AddressOfRecord(subscriber.username(), subscriber.domain()));
        boolean administrator = subscriber.admin() && owner.domain().equals(subscriber.domain());
        if (!itself && !administrator) {
            return Authorization.refused(SubscribeDecision.Reject.of(403, "Not Allowed To Watch These Watchers"));
        }
        return presentities.unknown(resource).map(Authorization::refused).orElse(Authorization.GRANTED);
    }
}
