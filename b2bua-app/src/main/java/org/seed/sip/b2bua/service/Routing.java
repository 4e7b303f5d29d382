package org.seed.sip.b2bua.service;

import java.util.List;
import java.util.Optional;

import org.seed.sip.store.preferences.ForwardMode;

/**
 * What becomes of a call once its parties are known: refused with a status, redirected, rung at some
 * contacts (with what to do if they are busy or do not answer), or, for an INVITE with Replaces
 * (RFC 3891), taking the place of a party of a call in progress.
 */
public sealed interface Routing {

    /** The caller is answered {@code status} at once; nobody is rung. */
    record Refuse(int status, String reason) implements Routing {
    }

    /** The INVITE names a dialog to replace (RFC 3891 §3): where it goes is that dialog's call. */
    record Replace() implements Routing {
    }

    /** The caller is sent {@code 302 Moved Temporarily} to {@code target} (a forwarding served as a redirect). */
    record Redirect(String target) implements Routing {
    }

    /**
     * The contacts to ring, in any order (the fork plan orders them by q).
     *
     * @param forwardedTo the forwarding target this ringing is for (the caller is told 181), or null
     * @param onBusy      where to forward when every contact is busy
     * @param onNoAnswer  where to forward when nobody answers within its time
     * @param chain       the users of ours this call has been forwarded through, the callee first: a
     *                    forward to one of them again is a loop
     */
    record Ring(List<Target> targets, String forwardedTo, Optional<Forward> onBusy, Optional<Forward> onNoAnswer,
            List<String> chain) implements Routing {

        public Ring {
            targets = List.copyOf(targets);
            chain = List.copyOf(chain);
        }

        /** Ringing these contacts and nothing more. */
        public static Ring only(List<Target> targets) {
            return new Ring(targets, null, Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** A forwarding still to come: its target, how it is served, and after how long (no answer). */
    record Forward(String target, ForwardMode mode, int afterSeconds) {
    }
}
