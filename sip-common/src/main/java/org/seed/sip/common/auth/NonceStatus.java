package org.seed.sip.common.auth;

/** What {@link NonceIssuer#check} found out about a nonce a client sent back. */
public enum NonceStatus {
    /** Issued by this platform and within its lifetime. */
    VALID,
    /** Ours, but too old (or too new, from a node whose clock is ahead): RFC 7616 §3.3 stale=true. */
    STALE,
    /** Not issued by this platform: forged, garbled, or from before a restart with a random secret. */
    INVALID
}
