package org.seed.sip.common.auth;

import java.util.List;
import java.util.Objects;

/** What {@link Authenticator#authenticate} decided; the adapter turns it into a SIP answer. */
public sealed interface AuthOutcome {

    /** The credentials are right: carry on with the request as {@code username}. */
    record Authenticated(String username, String realm, boolean admin) implements AuthOutcome {

        public Authenticated {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(realm, "realm");
        }
    }

    /**
     * Answer 401 with these WWW-Authenticate values (registrar, UAS) or 407 with these Proxy-Authenticate
     * values (proxy): RFC 3261 §22.2 and §22.3.
     */
    record Challenge(List<String> headerValues) implements AuthOutcome {

        public Challenge {
            headerValues = List.copyOf(headerValues);
        }
    }

    /** The source failed too often: refuse without checking anything, and say when to retry. */
    record Throttled(long retryAfterSeconds) implements AuthOutcome {
    }
}
