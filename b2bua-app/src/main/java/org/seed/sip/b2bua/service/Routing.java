package org.seed.sip.b2bua.service;

import java.util.List;

/** What becomes of a call once its parties are known: refused with a status, or rung at some contacts. */
public sealed interface Routing {

    /** The caller is answered {@code status} at once; nobody is rung. */
    record Refuse(int status, String reason) implements Routing {
    }

    /** The contacts to ring, in any order (the fork plan orders them by q). */
    record Ring(List<Target> targets) implements Routing {

        public Ring {
            targets = List.copyOf(targets);
        }
    }
}
