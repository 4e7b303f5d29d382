package org.seed.sip.b2bua.service;

import java.util.List;

/**
 * What becomes of a call once its parties are known: refused with a status, rung at some contacts, or, for an
 * INVITE with Replaces (RFC 3891), taking the place of a party of a call in progress.
 */
public sealed interface Routing {

    /** The caller is answered {@code status} at once; nobody is rung. */
    record Refuse(int status, String reason) implements Routing {
    }

    /** The INVITE names a dialog to replace (RFC 3891 §3): where it goes is that dialog's call. */
    record Replace() implements Routing {
    }

    /** The contacts to ring, in any order (the fork plan orders them by q). */
    record Ring(List<Target> targets) implements Routing {

        public Ring {
            targets = List.copyOf(targets);
        }
    }
}
