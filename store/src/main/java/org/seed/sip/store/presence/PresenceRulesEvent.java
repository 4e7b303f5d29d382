package org.seed.sip.store.presence;

import java.util.Objects;
import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.sip.AddressOfRecord;

/**
 * A committed change of one presentity's rules: its watchers are to be authorized again (RFC 3857 §1: the
 * presentity decides about pending watchers by changing its rules).
 *
 * @param aor   the presentity
 * @param rules its rules as committed
 */
public record PresenceRulesEvent(AddressOfRecord aor, PresenceRules rules) {

    public PresenceRulesEvent {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(rules, "rules");
    }
}
