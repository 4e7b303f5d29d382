package org.seed.sip.common.auth;

/** An Authorization or Proxy-Authorization value that is not usable Digest credentials. */
public class MalformedCredentialsException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedCredentialsException(String message) {
        super(message);
    }

    public MalformedCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
