package org.seed.sip.registrar.servlet;

/** A request the registrar cannot read; its message is the reason phrase of the 400 answer. */
final class MalformedRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedRequestException(String reason) {
        super(reason);
    }
}
