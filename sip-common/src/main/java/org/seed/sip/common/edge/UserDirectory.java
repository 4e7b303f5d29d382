package org.seed.sip.common.edge;

import org.seed.sip.common.sip.AddressOfRecord;

/** Whether a user of the platform's domains exists and can be reached now (the location service). */
public interface UserDirectory {

    enum Reachability {
        /** No such account. */
        UNKNOWN,
        /** An account without a current binding. */
        NOT_REGISTERED,
        /** An account with at least one current binding. */
        REGISTERED
    }

    Reachability lookup(AddressOfRecord aor);

    /** A directory of nobody: for a deployment without the store, every user is unknown. */
    UserDirectory NOBODY = aor -> Reachability.UNKNOWN;
}
