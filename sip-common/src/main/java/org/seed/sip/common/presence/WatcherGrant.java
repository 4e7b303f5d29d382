package org.seed.sip.common.presence;

/** What a presentity's rules say of one watcher (RFC 5025 §3.2.1 sub-handling). */
public enum WatcherGrant {
    ALLOW, PENDING, BLOCK, POLITE_BLOCK
}
