package org.seed.sip.server.tls;

/** The TLS key or trust material cannot be used; the message says why, for the operator. */
public final class TlsConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TlsConfigurationException(String message) {
        super(message);
    }

    public TlsConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
