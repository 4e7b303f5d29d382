package org.seed.sip.b2bua.call;

/** What a call's timer is for (the timer's info: serialisable, as JSR 289 asks). */
enum CallTimeout {
    /** {@code b2bua.ring.timeout}: nobody answered; the caller gets 480. */
    RING,
    /** {@code b2bua.fork.serial.timeout}: the contacts of one q rang long enough; the next q is tried. */
    NEXT_FORK,
    /** The callee's no-answer time: the call goes where its forward-on-no-answer preference says. */
    NO_ANSWER,
    /** The first of the answered call's session refreshes and expiries (RFC 4028 §10) and its maximum duration. */
    SESSION,
    /** {@code b2bua.ring.timeout} for a transfer's target (RFC 3515): not answered, its INVITE is cancelled. */
    TRANSFER
}
