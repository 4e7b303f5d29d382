package org.seed.sip.presence.im.rules;

/**
 * One MESSAGE sent to every registered contact of its recipient at once (RFC 3261 §16.7 for a forking
 * relay): the first 2xx is the sender's answer, later answers change nothing; when every contact failed
 * (a 3xx to 6xx, a timeout), or the phones took longer than the delivery timeout, the message was not
 * delivered and is kept for later. A 2xx that comes after that means the phone did take it after all: the
 * copy kept for later must go, or the recipient would read it twice.
 */
public final class Fork {

    /** What an answer (or the timeout) decides. */
    public enum Outcome {
        /** A phone took it: the sender gets this answer's status. */
        DELIVERED,
        /** Every phone failed, or the time is up: keep the message for the recipient's next registration. */
        UNDELIVERED,
        /** A 2xx after the message was taken as undelivered: drop the kept copy. */
        DELIVERED_LATE,
        /** Nothing to do: other phones may still answer, or the outcome is already known. */
        NONE
    }

    private int pending;
    private boolean decided;
    private boolean delivered;

    /** @param branches how many contacts the MESSAGE was sent to (at least 1) */
    public Fork(int branches) {
        if (branches < 1) {
            throw new IllegalArgumentException("a fork has at least one branch");
        }
        this.pending = branches;
    }

    /** A final answer of one branch; a contact that could not be sent to at all counts as a failed branch. */
    public synchronized Outcome answered(int status) {
        boolean success = status >= 200 && status < 300;
        if (decided) {
            if (success && !delivered) {
                delivered = true;
                return Outcome.DELIVERED_LATE;
            }
            return Outcome.NONE;
        }
        pending--;
        if (success) {
            decided = true;
            delivered = true;
            return Outcome.DELIVERED;
        }
        if (pending == 0) {
            decided = true;
            return Outcome.UNDELIVERED;
        }
        return Outcome.NONE;
    }

    /** The delivery timeout passed: undelivered, unless it was decided before. */
    public synchronized Outcome timedOut() {
        if (decided) {
            return Outcome.NONE;
        }
        decided = true;
        return Outcome.UNDELIVERED;
    }
}
