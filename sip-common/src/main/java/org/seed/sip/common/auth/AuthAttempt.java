package org.seed.sip.common.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One request to authenticate, free of container types.
 *
 * @param method      the request method, which enters the digest (RFC 7616 §3.4.3)
 * @param realm       the realm this application challenges with: the account's domain
 * @param credentials every Authorization (registrar, UAS) or Proxy-Authorization (proxy) value of the
 *                    request; the one for {@code realm} is used (RFC 3261 §22.3)
 * @param source      the address the request came from, the unit of throttling
 * @param now         the time of the request
 */
public record AuthAttempt(String method, String realm, List<String> credentials, String source, Instant now) {

    public AuthAttempt {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(now, "now");
        credentials = List.copyOf(credentials);
    }
}
