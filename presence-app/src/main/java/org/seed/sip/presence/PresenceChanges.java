package org.seed.sip.presence;

/**
 * Told whenever what a presentity's composed presence document would say may have changed: a publication
 * made, refreshed with a new body, removed or expired. The watchers' side decides whether and when to notify.
 */
@FunctionalInterface
public interface PresenceChanges {

    /** @param aor the presentity, a normalised AOR such as {@code sip:alice@example.com} */
    void changed(String aor);
}
