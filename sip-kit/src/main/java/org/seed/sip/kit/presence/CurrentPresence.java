package org.seed.sip.kit.presence;

/**
 * Where the presence documents of the platform's users come from, for every application of the process (the
 * presence server's watchers, the console): composed from the store on each call, never cached, so that
 * every reader sees the same state.
 */
public interface CurrentPresence {

    /** @param aor a normalised AOR of one of our users, such as {@code sip:alice@example.com} */
    ComposedPresence of(String aor);

    /** What a watcher the presentity polite-blocks sees (RFC 5025 §3.2.1): a presentity always closed. */
    ComposedPresence politeBlocked(String aor);
}
