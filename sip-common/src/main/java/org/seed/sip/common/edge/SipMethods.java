package org.seed.sip.common.edge;

import java.util.Set;

/** The request methods of the SIP standards, and which of them only exist inside a dialog. */
final class SipMethods {

    /**
     * RFC 3261 (INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER), RFC 3262 PRACK, RFC 6665 SUBSCRIBE and NOTIFY,
     * RFC 3903 PUBLISH, RFC 6086 INFO, RFC 3515 REFER, RFC 3428 MESSAGE, RFC 3311 UPDATE. Anything else is an
     * unknown method (501, RFC 3261 §8.2.1); these are recognised even where nothing serves them (405).
     */
    static final Set<String> KNOWN = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PRACK",
            "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    /**
     * Methods that mean something only within a dialog or transaction the request must match: BYE
     * (RFC 3261 §15.1.2), CANCEL (§9.2), PRACK (RFC 3262 §3), INFO (RFC 6086 §4.2.1), UPDATE (RFC 3311 §5.2),
     * NOTIFY (RFC 6665 §4.1.3). Out of any dialog they get 481.
     */
    static final Set<String> DIALOG_ONLY = Set.of("BYE", "CANCEL", "PRACK", "INFO", "UPDATE", "NOTIFY");

    private SipMethods() {
    }
}
