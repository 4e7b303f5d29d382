package org.seed.sip.presence.watch;

import org.seed.sip.common.presence.WatcherGrant;
import org.seed.sip.common.presence.WatcherRules;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.presence.PresenceRulesRepository;

/**
 * The presentity's rules as the store has them, read on every decision: a change made on any node (the
 * console) applies to the next NOTIFY; the change event, heard on this node, re-decides the running ones.
 */
final class StoredGrants implements WatcherGrants {

    private final PresenceRulesRepository rules;
    private final WatcherRules decisions;

    StoredGrants(PresenceRulesRepository rules, WatcherRules decisions) {
        this.rules = rules;
        this.decisions = decisions;
    }

    @Override
    public WatcherGrant of(String presentity, String watcher) {
        AddressOfRecord owner = AddressOfRecord.parse(presentity);
        return decisions.decide(owner, rules.find(owner).orElse(null), AddressOfRecord.parse(watcher));
    }
}
