package org.seed.sip.presence.watch;

import org.seed.sip.common.presence.WatcherGrant;

/** What a presentity's presence rules say of a watcher, as they stand now. */
@FunctionalInterface
public interface WatcherGrants {

    /** @param presentity and {@code watcher}: normalised AORs */
    WatcherGrant of(String presentity, String watcher);
}
