package org.seed.sip.common.auth;

import java.util.Objects;

/**
 * One failed authentication attempt, as {@link FailureThrottle} counts and logs it.
 *
 * @param username as the client sent it; empty when the credentials could not be parsed
 */
public record AuthFailure(String source, String username, String realm, String method, FailureReason reason) {

    public AuthFailure {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reason, "reason");
    }
}
