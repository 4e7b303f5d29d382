package org.seed.sip.it.phone;

import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;

/**
 * The events of a {@link TestPhone}'s stack that a phone built on it ({@link Softphone}) handles itself; the
 * rest keep their plain test-phone treatment.
 */
interface PhoneExtension {

    PhoneExtension NONE = new PhoneExtension() {
    };

    /** False leaves {@code event} to {@link TestPhone#nextRequest}. */
    default boolean handled(RequestEvent event) {
        return false;
    }

    /** A response that came after its transaction ended (a 2xx retransmitted, a fork's second 2xx). */
    default void strayResponse(ResponseEvent event) {
    }
}
