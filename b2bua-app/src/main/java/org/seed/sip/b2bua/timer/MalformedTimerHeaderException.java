package org.seed.sip.b2bua.timer;

/** A Session-Expires or Min-SE value outside the RFC 4028 §4/§5 grammar; its message names the header. */
public final class MalformedTimerHeaderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedTimerHeaderException(String header) {
        super("Invalid " + header);
    }
}
