package org.seed.sip.b2bua.call;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

import org.seed.sip.b2bua.service.Target;
import org.seed.sip.b2bua.timer.TimerOffer;

/** One outgoing INVITE of a call, towards one contact of the callee, and the dialog it makes. */
final class Leg {

    enum State {
        /** INVITE sent, nothing but 100 back. */
        CALLING,
        /** A provisional answer came: it can be cancelled now (RFC 3261 §9.1). */
        PROCEEDING,
        ANSWERED,
        /** Ended before an answer: a final failure, or cancelled by the platform. */
        FAILED
    }

    final SipServletRequest invite;
    final Target target;
    State state = State.CALLING;
    /** The platform no longer wants this leg: cancel it as soon as it may, and do not count its failure. */
    boolean abandoned;
    /** CANCEL waits for the first provisional answer (RFC 3261 §9.1). */
    boolean cancelWhenProceeding;
    /** The session timer this leg's INVITE asked for (RFC 4028 §7.1). */
    TimerOffer timerOffer;

    Leg(SipServletRequest invite, Target target) {
        this.invite = invite;
        this.target = target;
    }

    SipSession session() {
        return invite.getSession();
    }

    boolean pending() {
        return state == State.CALLING || state == State.PROCEEDING;
    }
}
