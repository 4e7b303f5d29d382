package org.seed.sip.store.presence;

import org.seed.sip.store.events.StoreEvents;

/**
 * Where the store announces every committed change of presence rules, whichever application made it (the
 * console, usually): the presence server re-authorizes the presentity's pending and active watchers. The
 * changes of one AOR are announced in commit order.
 */
public final class PresenceRulesEvents extends StoreEvents<PresenceRulesEvent> {

    PresenceRulesEvents() {
        super("presence rules", event -> event.aor().toString());
    }

    void announce(PresenceRulesEvent event) {
        tell(event);
    }
}
