package org.seed.sip.kit.lifecycle;

/** A part of an application did not start; what had started before it has been stopped again. */
public class LifecycleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LifecycleException(String message, Throwable cause) {
        super(message, cause);
    }
}
