package org.seed.sip.b2bua.timer;

import java.io.Serializable;

/**
 * What one leg agreed on (RFC 4028 §7.2, §9): the session interval, and whether the B2BUA or the party at the
 * other end of the leg refreshes. Held in leg terms rather than uac/uas, which change with each transaction.
 */
public record SessionTerms(int intervalSeconds, boolean b2buaRefreshes) implements Serializable {

    public static SessionTerms refreshedByB2bua(int intervalSeconds) {
        return new SessionTerms(intervalSeconds, true);
    }

    public static SessionTerms refreshedByPeer(int intervalSeconds) {
        return new SessionTerms(intervalSeconds, false);
    }
}
